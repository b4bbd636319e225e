using EducationHub.Messaging.Inbox;

namespace EducationHub.Hub.Infrastructure;

/// <summary>
/// The timeline rows of the message or group-commit batch being applied by the hub's consumers,
/// inserted together when it is saved (<see cref="TimelineInsert"/>).
/// </summary>
public sealed class PendingTimelineRows : IInboxDeferredWrite<HubDbContext>
{
    private readonly List<TimelineRow> _rows = [];

    public void Add(TimelineRow row) => _rows.Add(row);

    public async Task FlushAsync(HubDbContext db, CancellationToken ct)
    {
        await TimelineInsert.IfAbsentAsync(db, _rows, ct);
        _rows.Clear();
    }
}
