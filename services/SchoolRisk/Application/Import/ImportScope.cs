namespace EducationHub.SchoolRisk.Application.Import;

/// <summary>
/// Which part of a national file to keep: everything, or only some local authorities (a council
/// importing its own schools). Indicator rows are kept when their URN belongs to one of those LAs.
/// </summary>
public sealed class ImportScope
{
    private ImportScope(IReadOnlySet<string>? laCodes) => LaCodes = laCodes;

    public static ImportScope Everything { get; } = new(null);

    public IReadOnlySet<string>? LaCodes { get; }

    /// <summary>URNs registered in <see cref="LaCodes"/> (filled by the importer from the register).</summary>
    public IReadOnlySet<int>? Urns { get; private init; }

    public bool IsEverything => LaCodes is null;

    public static ImportScope ForLocalAuthorities(IEnumerable<string> laCodes)
    {
        var codes = laCodes.Select(c => c.Trim()).Where(c => c.Length > 0).ToHashSet(StringComparer.Ordinal);
        return codes.Count == 0 ? Everything : new ImportScope(codes);
    }

    public ImportScope WithUrns(IEnumerable<int> urns) => IsEverything ? this : new ImportScope(LaCodes) { Urns = urns.ToHashSet() };

    public bool IncludesLa(string laCode) => LaCodes is null || LaCodes.Contains(laCode);

    public bool IncludesUrn(int urn) => Urns is null || Urns.Contains(urn);
}
