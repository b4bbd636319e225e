using System.Text;

namespace EducationHub.Governance.Domain;

/// <summary>
/// Domain enum values spelled as their proto enum value names ("NOTICE_STATUS_ISSUED"), so the
/// allowed transitions listed in errors match what clients send and receive.
/// </summary>
public static class ProtoNames
{
    public static string Of<TEnum>(TEnum value)
        where TEnum : struct, Enum => $"{Snake(typeof(TEnum).Name)}_{Snake(value.ToString())}";

    private static string Snake(string pascal)
    {
        var sb = new StringBuilder(pascal.Length + 8);
        for (var i = 0; i < pascal.Length; i++)
        {
            if (i > 0 && char.IsUpper(pascal[i]))
            {
                sb.Append('_');
            }

            sb.Append(char.ToUpperInvariant(pascal[i]));
        }

        return sb.ToString();
    }
}
