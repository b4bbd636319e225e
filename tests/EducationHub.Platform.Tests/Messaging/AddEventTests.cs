using EducationHub.Messaging.Outbox;
using EducationHub.Platform.Tests.Messaging.TestModel;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace EducationHub.Platform.Tests.Messaging;

/// <summary>What <see cref="OutboxDbContextExtensions.AddEvent"/> accepts into the outbox: the envelope the contracts promise.</summary>
public sealed class AddEventTests
{
    [Fact]
    public void An_event_with_a_UTC_occurred_at_is_queued()
    {
        using var db = NewContext();
        var evt = TestEvent.New((id, at, c) => new RoundTripHappened(id, at, 100001, "tests", c, 1));
        var row = db.AddEvent(evt);
        Assert.Equal(evt.EventId, row.Id);
        Assert.Equal(EntityState.Added, db.Entry(row).State);
    }

    [Fact]
    public void An_event_without_an_id_or_with_a_local_occurred_at_is_refused()
    {
        using var db = NewContext();
        var utc = TestEvent.New((id, at, c) => new RoundTripHappened(id, at, 100001, "tests", c, 1));
        var local = utc with { OccurredAt = utc.OccurredAt.ToOffset(TimeSpan.FromHours(1)) };

        Assert.Contains("EventId", Assert.Throws<ArgumentException>(() => db.AddEvent(utc with { EventId = Guid.Empty })).Message, StringComparison.Ordinal);
        Assert.Contains("UTC", Assert.Throws<ArgumentException>(() => db.AddEvent(local)).Message, StringComparison.Ordinal);
        Assert.Empty(db.ChangeTracker.Entries<OutboxMessage>());
    }

    // Adding tracks only: no connection is opened.
    private static PlatformTestDbContext NewContext() =>
        new(new DbContextOptionsBuilder<PlatformTestDbContext>().UseSqlite("Data Source=:memory:").Options);
}
