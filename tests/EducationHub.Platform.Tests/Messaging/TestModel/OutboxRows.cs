using EducationHub.Messaging.Outbox;

namespace EducationHub.Platform.Tests.Messaging.TestModel;

/// <summary>Outbox rows written straight into a test database (not through AddEvent).</summary>
public static class OutboxRows
{
    /// <summary>A pending row created at <paramref name="createdAt"/>, with a trace context; <paramref name="adjust"/> sets the rest.</summary>
    public static OutboxMessage At(DateTime createdAt, Action<OutboxMessage>? adjust = null)
    {
        var row = new OutboxMessage
        {
            Id = Guid.NewGuid(),
            Type = "EducationHub.Contracts.V1.Example, EducationHub.Contracts",
            Payload = $$"""{"n":{{createdAt.Ticks}}}""",
            TraceParent = $"00-{Guid.NewGuid():N}-{Guid.NewGuid().ToString("N")[..16]}-01",
            TraceState = "ehub=1",
            CreatedAt = createdAt,
        };
        adjust?.Invoke(row);
        return row;
    }
}
