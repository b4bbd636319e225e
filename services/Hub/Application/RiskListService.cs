using EducationHub.Contracts.V1;
using EducationHub.Hub.Domain;
using EducationHub.Hub.Domain.RiskList;
using EducationHub.Hub.Infrastructure;
using EducationHub.Messaging;
using EducationHub.Messaging.Outbox;
using Microsoft.EntityFrameworkCore;

namespace EducationHub.Hub.Application;

/// <summary>
/// A month's list: the published snapshot when there is one (exactly as published), otherwise
/// the draft computed from the timeline now. Publishing freezes the draft.
/// </summary>
public sealed class RiskListService(HubDbContext db, HubReadModel read, RiskListBuilder builder, DraftListCache cache, HubDataVersion dataVersion, TimeProvider clock)
{
    public async Task<MonthlyRiskList> GetAsync(RiskMonth month, CancellationToken ct)
    {
        var snapshot = await read.SnapshotAsync(month, ct);
        if (snapshot is null) return await DraftAsync(month, ct);
        // The computed list is frozen; decisions are the group's record of the meeting, made at or
        // after publication, so they are shown alongside it.
        var list = SnapshotJson.Read(snapshot);
        var decisions = await read.DecisionsAsync(month, ct);
        return decisions.Count == 0 ? list : list with
        {
            Entries = list.Entries.Select(e => decisions.TryGetValue(e.Urn, out var d) ? e with { Decision = d } : e).ToList(),
        };
    }

    public async Task<MonthlyRiskList> DraftAsync(RiskMonth month, CancellationToken ct)
    {
        var version = await dataVersion.CurrentAsync(db, ct); // read before loading: a later commit makes this entry stale, never wrong
        var key = month.ToString();
        if (cache.TryGet(key, version, out var cached)) return cached;
        var draft = await ComputeAsync(month, clock.GetUtcNow(), ct);
        cache.Set(key, version, draft);
        return draft;
    }

    public async Task<MonthlyRiskList> PublishAsync(RiskMonth month, string organisation, string subject, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (month > RiskMonth.Containing(now))
            throw new HubConflictException($"{month} has not started yet: only the current or an earlier month can be published.");
        if (await read.SnapshotAsync(month, ct) is { } existing)
            throw new HubConflictException($"{month} was already published on {existing.PublishedAt:u} by {existing.PublishedBy}; a published list never changes.");

        var list = await ComputeAsync(month, now, ct) with { PublishedAt = now, PublishedBy = organisation };
        var id = Guid.CreateVersion7();
        list = list with { Published = true, SnapshotId = id };
        db.Snapshots.Add(new SnapshotRow
        {
            Id = id, Month = list.Month, PublishedAt = now.UtcDateTime, PublishedBy = organisation, PublishedBySubject = subject,
            PriorityModelVersion = list.PriorityModelVersion, InputsCutOff = list.InputsCutOff.UtcDateTime, SchoolCount = list.Entries.Count,
            ListJson = SnapshotJson.Serialize(list),
        });
        var env = EventEnvelope.New("hub", clock: clock);
        db.AddEvent(new MonthlyRiskListPublished(env.EventId, env.OccurredAt, null, env.Producer, env.CorrelationId,
            list.Month, id, list.Entries.Count, list.PriorityModelVersion));
        db.Audit(organisation, subject, "risklist.published", "risklist", list.Month);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            throw new HubConflictException($"{month} was published by someone else a moment ago; a published list never changes.");
        }
        return list;
    }

    /// <summary>
    /// One pass over the timeline, streamed by school: each school's priority for this month (with
    /// reasons) and, unless last month was published, for last month (score only, the basis for
    /// movement). No school's timeline is kept once both have scored it.
    /// </summary>
    private async Task<MonthlyRiskList> ComputeAsync(RiskMonth month, DateTimeOffset now, CancellationToken ct)
    {
        var schools = await read.SchoolsAsync(ct);
        var previousMonth = month.Previous;
        var decisionsPrevious = await read.DecisionsAsync(previousMonth, ct);
        var decisions = await read.DecisionsAsync(month, ct);
        var current = builder.Begin(new RiskListFrame(month, month.EvaluationInstant(now), now, schools, decisionsPrevious, decisions));

        PreviousList? published = null;
        RiskListAssembly? lastMonth = null;
        if (await read.SnapshotAsync(previousMonth, ct) is { } snap)
            published = SnapshotJson.ToPrevious(SnapshotJson.Read(snap));
        else
        {
            // No published list last month: compare with what last month's list would have been.
            var before = await read.DecisionsAsync(previousMonth.Previous, ct);
            lastMonth = builder.BeginRanking(new RiskListFrame(previousMonth, previousMonth.EvaluationInstant(now), now, schools, before, decisionsPrevious));
        }

        // Reading and decoding rows overlaps with scoring: the next schools are read while these are
        // scored, and last month's ranking is scored on its own task beside this month's list.
        await using var ranking = lastMonth is null ? null : new BoundedWorker<(int Urn, List<TimelineEntry> Timeline)>(s => lastMonth.Add(s.Urn, s.Timeline), 256, ct);
        await foreach (var school in ReadAhead.Of(read.TimelineBySchoolAsync(now, schools, ct), 256, ct))
        {
            current.Add(school.Urn, school.Timeline);
            if (ranking is not null) await ranking.PostAsync(school, ct);
        }
        if (ranking is not null) await ranking.CompleteAsync();
        return current.Finish(published ?? lastMonth!.Rank(null));
    }
}
