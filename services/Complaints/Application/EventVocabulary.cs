using System.Text;

namespace EducationHub.Complaints.Application;

/// <summary>
/// Event payloads carry lower-case, hyphenated words ("partly-upheld", "stage-1", "sen-disability"),
/// the vocabulary the hub and the other producers share, rather than C# enum names.
/// </summary>
public static class EventVocabulary
{
    public static string Of<TEnum>(TEnum value)
        where TEnum : struct, Enum => Of(value.ToString());

    public static string Of(string pascalCase)
    {
        var words = new StringBuilder(pascalCase.Length + 8);
        for (var i = 0; i < pascalCase.Length; i++)
        {
            var c = pascalCase[i];
            var boundary = i > 0 && ((char.IsUpper(c) && !char.IsUpper(pascalCase[i - 1])) || (char.IsDigit(c) && !char.IsDigit(pascalCase[i - 1])));
            if (boundary) words.Append('-');
            words.Append(char.ToLowerInvariant(c));
        }
        return words.ToString();
    }
}
