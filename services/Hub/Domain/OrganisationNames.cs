namespace EducationHub.Hub.Domain;

/// <summary>
/// How the hub names an organisation that events identify by its token's <c>organisation</c> claim,
/// which is usually a stable identifier ("ofsted", "school-improvement-partner"), not what a meeting
/// paper should print. Display names come from configuration (<c>Hub:Organisations</c>); an
/// organisation without one is shown as its claim, so nothing is hidden or guessed.
/// </summary>
public sealed class OrganisationNames
{
    public static readonly OrganisationNames None = new(new Dictionary<string, string>());

    private readonly Dictionary<string, string> _names;

    /// <param name="names">Claim value → display name; claims match whatever their case, blank names are ignored.</param>
    public OrganisationNames(IReadOnlyDictionary<string, string> names)
    {
        _names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (claim, name) in names)
        {
            if (!string.IsNullOrWhiteSpace(claim) && !string.IsNullOrWhiteSpace(name))
                _names[claim.Trim()] = name.Trim();
        }
    }

    /// <summary>The configured display name of <paramref name="organisation"/>, or the claim itself.</summary>
    public string Display(string? organisation) =>
        organisation is null ? "" : _names.TryGetValue(organisation, out var name) ? name : organisation;
}
