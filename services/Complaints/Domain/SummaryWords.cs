using System.Globalization;

namespace EducationHub.Complaints.Domain;

/// <summary>Normalised content words of a complaint summary, for similarity between complaints.</summary>
public static class SummaryWords
{
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "the", "a", "an", "and", "or", "of", "to", "in", "on", "at", "for", "is", "are", "was", "were", "be", "been",
        "it", "this", "that", "with", "my", "our", "we", "i", "they", "their", "them", "he", "she", "his", "her",
        "school", "not", "has", "have", "had", "about", "by", "from", "as", "but", "so", "very", "all",
    };

    public static HashSet<string> Of(string text)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var raw in text.ToLower(CultureInfo.InvariantCulture).Split(Separators, StringSplitOptions.RemoveEmptyEntries))
        {
            if (raw.Length > 2 && !StopWords.Contains(raw)) words.Add(raw);
        }
        return words;
    }

    public static double Similarity(HashSet<string> a, HashSet<string> b)
    {
        if (a.Count == 0 || b.Count == 0) return 0;
        var shared = a.Count(b.Contains);
        return (double)shared / (a.Count + b.Count - shared);
    }

    private static readonly char[] Separators = [' ', '\t', '\r', '\n', '.', ',', ';', ':', '!', '?', '"', '\'', '(', ')', '-', '/'];
}
