using Microsoft.Extensions.Configuration;

namespace EducationHub.ServiceDefaults.Auth;

/// <summary>
/// How a service names an organisation that tokens and events identify by the <c>organisation</c> claim,
/// which is usually a stable identifier ("ofsted", "school-improvement-partner"), not what a meeting
/// paper should print. Display names come from configuration (section <c>Organisations</c>, shared by
/// every service so a risk reason and the hub's timeline name a partner alike); an organisation
/// without one is shown as its claim, so nothing is hidden or guessed.
/// </summary>
public sealed class OrganisationNames
{
    public const string SectionName = "Organisations";

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

    /// <summary>The names configured under <c>Organisations</c>, e.g. <c>Organisations__ofsted=Ofsted</c>.</summary>
    public static OrganisationNames From(IConfiguration configuration)
    {
        var names = new Dictionary<string, string>();
        foreach (var entry in configuration.GetSection(SectionName).GetChildren())
        {
            if (entry.Value is { } name) names[entry.Key] = name;
        }

        return new OrganisationNames(names);
    }

    /// <summary>The configured display name of <paramref name="organisation"/>, or the claim itself.</summary>
    public string Display(string? organisation) =>
        organisation is null ? "" : _names.TryGetValue(organisation, out var name) ? name : organisation;
}
