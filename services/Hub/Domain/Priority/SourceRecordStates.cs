namespace EducationHub.Hub.Domain.Priority;

/// <summary>The timeline entries of one source record (a notice, an intervention, a whistleblowing case), gathered by its id.</summary>
internal abstract class SourceRecordState
{
    public TimelineEntry First { get; init; } = null!;
}

internal sealed class NoticeState : SourceRecordState
{
    public TimelineEntry? Issued { get; set; }
    public TimelineEntry? Complied { get; set; }
    public TimelineEntry? DeadlinePassed { get; set; }

    public SourceRefs Refs()
    {
        var refs = new SourceRefs(1 + (Issued is null ? 0 : 1) + (DeadlinePassed is null ? 0 : 1) + (Complied is null ? 0 : 1));
        refs.Add("notice", First.SourceId ?? Guid.Empty);
        if (Issued is not null) refs.AddEvent(Issued.EventId);
        if (DeadlinePassed is not null) refs.AddEvent(DeadlinePassed.EventId);
        if (Complied is not null) refs.AddEvent(Complied.EventId);
        return refs;
    }
}

internal sealed class InterventionState : SourceRecordState
{
    public TimelineEntry? Started { get; set; }
    public TimelineEntry? Ended { get; set; }
}

internal sealed class CaseState : SourceRecordState
{
    public TimelineEntry? Triaged { get; set; }
    public TimelineEntry? Concluded { get; set; }
}
