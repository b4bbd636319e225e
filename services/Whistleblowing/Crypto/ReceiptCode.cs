using System.Security.Cryptography;

namespace EducationHub.Whistleblowing.Crypto;

/// <summary>
/// The 16-digit receipt code: 10^16 ≈ 2^53.2 equally likely values from the OS CSPRNG.
/// Shown grouped ("1234 5678 9012 3456"); spaces and hyphens are ignored on entry.
/// </summary>
public static class ReceiptCode
{
    public const int Digits = 16;

    public static string Generate()
    {
        Span<char> digits = stackalloc char[Digits];
        for (var i = 0; i < Digits; i++)
        {
            // GetInt32 rejects out-of-range samples, so each digit is exactly uniform.
            digits[i] = (char)('0' + RandomNumberGenerator.GetInt32(0, 10));
        }

        return new string(digits);
    }

    /// <summary>Strips separators; returns null unless exactly 16 ASCII digits remain.</summary>
    public static string? Normalise(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return null;
        }

        Span<char> digits = stackalloc char[Digits];
        var count = 0;
        foreach (var c in input)
        {
            if (c is ' ' or '-' or '\u00A0')
            {
                continue;
            }

            if (c is < '0' or > '9' || count == Digits)
            {
                return null;
            }

            digits[count++] = c;
        }

        return count == Digits ? new string(digits) : null;
    }

    public static string Format(string code) => string.Join(' ', Enumerable.Range(0, Digits / 4).Select(i => code.Substring(i * 4, 4)));
}
