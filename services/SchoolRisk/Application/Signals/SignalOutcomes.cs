using System.Text;
using EducationHub.SchoolRisk.Domain;

namespace EducationHub.SchoolRisk.Application.Signals;

/// <summary>
/// The outcomes a partner may record for each kind of signal, and which of them are adverse (the
/// risk model adds points for those). One list for the API's validation and the model's scoring,
/// so an outcome the API accepts is never one the model silently ignores (docs/schoolrisk.md,
/// "Signal outcomes").
/// </summary>
public static class SignalOutcomes
{
    private static readonly Dictionary<SignalKind, string[]> Allowed = new()
    {
        [SignalKind.SchoolImprovementVisit] = ["satisfactory", "unsatisfactory", "inadequate"],
        [SignalKind.OfstedMonitoringVisit] = ["taking effective action", "not taking effective action", "effective", "not effective"],
        [SignalKind.SafeguardingAudit] = ["met", "not met"],
    };

    /// <summary>Outcomes that add the model's adverse-outcome points (each is allowed for at least one kind).</summary>
    public static IReadOnlyList<string> Adverse { get; } = ["not met", "not effective", "not taking effective action", "inadequate", "unsatisfactory"];

    /// <summary>The outcomes allowed for <paramref name="kind"/>, in their canonical spelling; empty when the kind has none.</summary>
    public static IReadOnlyList<string> For(SignalKind kind) => Allowed.TryGetValue(kind, out var outcomes) ? outcomes : [];

    /// <summary>
    /// The canonical spelling of <paramref name="text"/> for <paramref name="kind"/>: compared ignoring case,
    /// surrounding and repeated spaces and trailing punctuation ("Not met." is "not met"). Null when it is
    /// not one of the kind's outcomes.
    /// </summary>
    public static string? Canonical(SignalKind kind, string text)
    {
        var normalised = Normalise(text);
        return For(kind).FirstOrDefault(o => o.Equals(normalised, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// Whether <paramref name="outcome"/> is adverse, read as <see cref="Canonical"/> reads it (case, spaces and
    /// trailing punctuation ignored) but whatever the kind: signals stored before the API checked outcomes may carry
    /// "Not met." or an outcome of another kind, and they keep counting as the adverse finding their partner reported.
    /// </summary>
    public static bool IsAdverse(string? outcome)
    {
        if (outcome is null)
        {
            return false;
        }
        var normalised = Normalise(outcome);
        return Adverse.Any(a => a.Equals(normalised, StringComparison.OrdinalIgnoreCase));
    }

    private static string Normalise(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var word in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            if (builder.Length > 0)
            {
                builder.Append(' ');
            }
            builder.Append(word);
        }
        var result = builder.ToString();
        return result.TrimEnd('.', '!', ',', ';', ':', ' ');
    }
}
