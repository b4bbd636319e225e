using NodaTime;

namespace EducationHub.Governance.Domain.GoverningBodies;

public sealed class GovernanceConcern
{
    public Guid Id { get; init; }
    public int Urn { get; init; }
    public ConcernSeverity Severity { get; init; }
    public ConcernSource Source { get; init; }
    public string Summary { get; init; } = "";
    public LocalDate RaisedOn { get; init; }
    public string RaisedByOrganisation { get; init; } = "";
    public Instant RecordedAt { get; init; }
    public LocalDate? ClosedOn { get; private set; }
    public string Resolution { get; private set; } = "";
    public string ClosedByOrganisation { get; private set; } = "";

    public bool IsOpen => ClosedOn is null;

    public void Close(LocalDate closedOn, string resolution, string organisation)
    {
        if (!IsOpen)
        {
            throw new TransitionRefusedException($"The concern was already closed on {ClosedOn:uuuu-MM-dd}.", []);
        }

        ClosedOn = closedOn;
        Resolution = resolution;
        ClosedByOrganisation = organisation;
    }
}
