namespace EducationHub.Complaints.Domain;

/// <summary>
/// The complainant's personal data, kept apart from the complaint so that retention can erase it
/// while the anonymised complaint still counts in themes and risk.
/// </summary>
public sealed class Complainant
{
    public string? Name { get; private set; }
    public string? Contact { get; private set; }
    public DateTimeOffset? ErasedAt { get; private set; }

    private Complainant() { }

    public Complainant(string? name, string? contact)
    {
        Name = string.IsNullOrWhiteSpace(name) ? null : name.Trim();
        Contact = string.IsNullOrWhiteSpace(contact) ? null : contact.Trim();
    }

    public void Erase(DateTimeOffset at)
    {
        Name = null;
        Contact = null;
        ErasedAt = at;
    }
}
