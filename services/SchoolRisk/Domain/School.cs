namespace EducationHub.SchoolRisk.Domain;

/// <summary>
/// One establishment in the register, keyed by its URN. A school that converts to an academy or
/// merges gets a new URN; <see cref="SchoolLink"/> rows keep its history joined up.
/// </summary>
public sealed class School
{
    private School() { }

    public int Urn { get; private set; }
    public string Name { get; private set; } = "";
    public string LaCode { get; private set; } = "";
    public string LaName { get; private set; } = "";
    public string EstablishmentType { get; private set; } = "";
    public string TypeGroup { get; private set; } = "";
    public string Phase { get; private set; } = "";
    public SchoolStatus Status { get; private set; }
    public DateOnly? OpenedOn { get; private set; }
    public DateOnly? ClosedOn { get; private set; }
    public string? TrustName { get; private set; }
    public string? FederationName { get; private set; }
    public string? Town { get; private set; }
    public string? Postcode { get; private set; }
    public int? NumberOfPupils { get; private set; }
    public string? RscRegion { get; private set; }
    /// <summary>Which extract layout last wrote this row ("gias" or "spine").</summary>
    public string Source { get; private set; } = "";
    public DateTimeOffset FirstRegisteredAt { get; private set; }
    public DateTimeOffset LastChangedAt { get; private set; }

    public static School Register(SchoolRecord record, DateTimeOffset now)
    {
        var school = new School { Urn = record.Urn, FirstRegisteredAt = now };
        school.Apply(record, now);
        return school;
    }

    /// <summary>
    /// Brings the row up to date with a newer extract and returns what changed, field by field.
    /// Values the extract leaves blank (e.g. an older layout without trusts) do not erase what we know.
    /// </summary>
    public IReadOnlyList<FieldChange> Apply(SchoolRecord record, DateTimeOffset now)
    {
        var changes = new List<FieldChange>();
        Name = Track(changes, nameof(Name), Name, record.Name);
        LaCode = Track(changes, nameof(LaCode), LaCode, record.LaCode);
        LaName = Track(changes, nameof(LaName), LaName, Keep(LaName, record.LaName));
        EstablishmentType = Track(changes, nameof(EstablishmentType), EstablishmentType, record.EstablishmentType);
        TypeGroup = Track(changes, nameof(TypeGroup), TypeGroup, Keep(TypeGroup, record.TypeGroup));
        Phase = Track(changes, nameof(Phase), Phase, record.Phase);
        Status = Track(changes, nameof(Status), Status, record.Status);
        OpenedOn = Track(changes, nameof(OpenedOn), OpenedOn, record.OpenedOn ?? OpenedOn);
        ClosedOn = Track(changes, nameof(ClosedOn), ClosedOn, record.ClosedOn ?? ClosedOn);
        TrustName = Track(changes, nameof(TrustName), TrustName, record.Layout == "gias" ? record.TrustName : TrustName);
        FederationName = Track(changes, nameof(FederationName), FederationName, record.Layout == "gias" ? record.FederationName : FederationName);
        Town = Track(changes, nameof(Town), Town, record.Town ?? Town);
        Postcode = Track(changes, nameof(Postcode), Postcode, record.Postcode ?? Postcode);
        NumberOfPupils = Track(changes, nameof(NumberOfPupils), NumberOfPupils, record.NumberOfPupils ?? NumberOfPupils);
        RscRegion = Track(changes, nameof(RscRegion), RscRegion, record.RscRegion ?? RscRegion);
        Source = record.Layout;
        if (changes.Count > 0)
        {
            LastChangedAt = now;
        }
        return changes;
    }

    private static string Keep(string current, string incoming) => string.IsNullOrEmpty(incoming) ? current : incoming;

    private static T Track<T>(List<FieldChange> changes, string field, T current, T incoming)
    {
        if (!EqualityComparer<T>.Default.Equals(current, incoming))
        {
            changes.Add(new FieldChange(field, current?.ToString(), incoming?.ToString()));
        }
        return incoming;
    }
}
