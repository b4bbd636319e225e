using EducationHub.Contracts.V1;
using EducationHub.Messaging.Inbox;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EducationHub.Hub.Tests.Ingestion;

/// <summary>
/// A burst through the hub's own consumers (which save once per group-commit batch and insert
/// their timeline rows together), with repeats and two registrations of one school out of order.
/// </summary>
public sealed class TimelineConsumerBurstTests
{
    private const int Urn = 990301;

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Every_event_reaches_the_timeline_once_and_the_newest_registration_wins(string provider)
    {
        await using var hub = await HubDatabaseHost.StartAsync(provider);
        var now = DateTimeOffset.UtcNow;
        var newer = Registration(now.AddDays(-1), "Park View Academy");
        var older = Registration(now.AddDays(-30), "Park View School");
        var events = new List<IIntegrationEvent> { newer, older };
        for (var i = 0; i < 60; i++)
            events.Add(new ComplaintReceived(Guid.NewGuid(), now.AddMinutes(-i), Urn + (i % 3), "complaints", Guid.NewGuid(), Guid.NewGuid(), "teaching", "stage-1", "email", false, null));
        var bus = hub.Host.Services.GetRequiredService<IBus>();

        // Every event, then a second delivery of every third one, all at once.
        await Task.WhenAll(events.Concat(events.Where((_, i) => i % 3 == 0)).Select(e => bus.Publish(e, e.GetType())));

        var ids = events.Select(e => e.EventId).Order().ToList();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        List<Guid> stored;
        while ((stored = await hub.QueryAsync(db => db.Timeline.Select(t => t.EventId).ToListAsync())).Count < ids.Count && DateTime.UtcNow < deadline)
            await Task.Delay(100);
        Assert.Equal(ids, stored.Order());
        var school = await hub.QueryAsync(db => db.Schools.SingleAsync(s => s.Urn == Urn));
        Assert.Equal("Park View Academy", school.Name);
        var inbox = await hub.QueryAsync(db => db.Set<InboxMessage>().Select(m => m.MessageId).ToListAsync());
        Assert.Equal(ids, inbox.Order());
    }

    private static SchoolRegistered Registration(DateTimeOffset at, string name) =>
        new(Guid.NewGuid(), at, Urn, "schoolrisk", Guid.NewGuid(), name, "330", "Birmingham", "Academy converter", "Primary", "Open", [], null);
}
