using System.Collections.Concurrent;
using System.Globalization;
using EducationHub.ServiceDefaults.Auth;

namespace EducationHub.Hub.Domain.Priority;

/// <summary>Small helpers that turn machine values into the words a meeting paper uses.</summary>
public static class Wording
{
    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    // A month's list words the same few thousand dates and machine values for every school; each
    // is formatted once. Bounded, so unusual input cannot grow them without limit.
    private const int MaxRemembered = 20_000;
    private static readonly ConcurrentDictionary<int, string> Dates = new();
    private static readonly ConcurrentDictionary<string, string> Humanised = new(StringComparer.Ordinal);

    // Machine values are lower case ("ofsted-monitoring-visit", "lado"), but a meeting paper writes these
    // bodies and terms as they are written in English education. Only words that are never ordinary
    // English words are listed ("send", "mat" are left alone).
    private static readonly Dictionary<string, string> ProperWords = new(StringComparer.Ordinal)
    {
        ["ofsted"] = "Ofsted",
        ["dfe"] = "DfE",
        ["lado"] = "LADO",
        ["rsc"] = "RSC",
        ["esfa"] = "ESFA",
        ["eig"] = "EIG",
        ["ks2"] = "KS2",
        ["ks4"] = "KS4",
    };

    // Governance sends a warning notice's issuer as its domain name (contracts V1 carry enum names), not as
    // an organisation claim: "issued by LocalAuthority" is no sentence for a meeting paper.
    private static readonly Dictionary<string, string> NoticeIssuers = new(StringComparer.OrdinalIgnoreCase)
    {
        ["LocalAuthority"] = "the local authority",
        ["SecretaryOfState"] = "the Secretary of State",
    };

    /// <summary>Who issued a warning notice: "the local authority", "the Secretary of State", or another organisation's display name.</summary>
    public static string NoticeIssuer(string? issuer, OrganisationNames organisations) =>
        issuer is not null && NoticeIssuers.TryGetValue(issuer, out var words) ? words : organisations.Display(issuer);

    public static string Date(DateOnly date)
    {
        if (Dates.TryGetValue(date.DayNumber, out var text)) return text;
        text = date.ToString("d MMM yyyy", EnGb);
        if (Dates.Count < MaxRemembered) Dates.TryAdd(date.DayNumber, text);
        return text;
    }

    public static string Date(DateTimeOffset instant) => Date(DateOnly.FromDateTime(instant.UtcDateTime));

    /// <summary>"low-standards" / "LowStandards" / "low_standards" → "low standards"; "referred-to-lado" → "referred to LADO".</summary>
    public static string Humanise(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return "unspecified";
        if (Humanised.TryGetValue(value, out var known)) return known;
        var text = Spaced(value);
        if (value.Length <= 64 && Humanised.Count < MaxRemembered) Humanised.TryAdd(value, text);
        return text;
    }

    private static string Spaced(string value)
    {
        var chars = new List<char>(value.Length + 4);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c is '-' or '_') { chars.Add(' '); continue; }
            if (char.IsUpper(c) && i > 0 && char.IsLower(value[i - 1])) chars.Add(' ');
            chars.Add(char.ToLowerInvariant(c));
        }
        var words = new string([.. chars]).Trim().Split(' ');
        for (var i = 0; i < words.Length; i++)
        {
            if (ProperWords.TryGetValue(words[i], out var proper))
                words[i] = proper;
        }
        return string.Join(' ', words);
    }

    /// <summary>"warning notice complied" → "Warning notice complied".</summary>
    public static string Sentence(string text) =>
        text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    public static string Plural(int n, string one, string many) =>
        n.ToString(CultureInfo.InvariantCulture) + " " + (n == 1 ? one : many);

    /// <summary>"kind/id", written straight into a string of the known length.</summary>
    public static string Ref(string kind, Guid id) =>
        string.Create(kind.Length + 37, (kind, id), static (chars, r) =>
        {
            r.kind.AsSpan().CopyTo(chars);
            chars[r.kind.Length] = '/';
            r.id.TryFormat(chars[(r.kind.Length + 1)..], out _, "D");
        });

    /// <summary>The kind of an event's own reference, "event/{id}".</summary>
    public const string EventKind = "event";

    public static string EventRef(Guid eventId) => Ref(EventKind, eventId);
}
