using NodaTime;

namespace EducationHub.Governance.Domain.GoverningBodies;

public sealed class Governor
{
    public Guid Id { get; init; }
    public int Urn { get; init; }
    public string FullName { get; init; } = "";
    public GovernorCategory Category { get; init; }
    public GoverningRole Role { get; init; }
    public string AppointedBy { get; init; } = "";
    public LocalDate AppointedOn { get; init; }
    public LocalDate TermEndsOn { get; init; }
    public LocalDate? LeftOn { get; private set; }
    public string LeftReason { get; private set; } = "";
    public string RecordedByOrganisation { get; init; } = "";

    /// <summary>In post on <paramref name="today"/>: appointed, not left, term not expired.</summary>
    public bool IsCurrentOn(LocalDate today) => AppointedOn <= today && LeftOn is null && TermEndsOn >= today;

    public void Leave(LocalDate leftOn, string reason)
    {
        if (LeftOn is not null)
        {
            throw new TransitionRefusedException($"The governor already left on {LeftOn:uuuu-MM-dd}.", []);
        }

        LeftOn = leftOn;
        LeftReason = reason;
    }
}
