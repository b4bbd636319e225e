using EducationHub.Hub.Domain;

namespace EducationHub.Bench.Hub;

/// <summary>25,000 schools and 1,000,000 timeline entries with a realistic mix of kinds, deterministic.</summary>
internal static class SyntheticNation
{
    public static (Dictionary<int, SchoolInfo> Schools, List<TimelineEntry> Entries) Build(int schools, int events, DateTimeOffset now, int seed = 7)
    {
        var rng = new Random(seed);
        var register = new Dictionary<int, SchoolInfo>(schools);
        for (var i = 0; i < schools; i++)
        {
            var urn = 100000 + i;
            register[urn] = new SchoolInfo(urn, $"School {urn}", (300 + i % 150).ToString(System.Globalization.CultureInfo.InvariantCulture), $"LA {300 + i % 150}",
                "Community school", i % 5 == 0 ? "Secondary" : "Primary", "Open", null, []);
        }
        var kinds = new[]
        {
            TimelineKind.SchoolRiskAssessed, TimelineKind.SchoolRiskAssessed, TimelineKind.PartnerSignalSubmitted, TimelineKind.PartnerSignalSubmitted,
            TimelineKind.ComplaintReceived, TimelineKind.ComplaintReceived, TimelineKind.ComplaintConcluded, TimelineKind.ComplaintEscalated,
            TimelineKind.WhistleblowingConcernTriaged, TimelineKind.GovernanceConcernRaised, TimelineKind.WarningNoticeIssued, TimelineKind.WarningNoticeComplied,
            TimelineKind.InterventionStarted, TimelineKind.WhistleblowingClockDue,
        };
        var entries = new List<TimelineEntry>(events);
        var levels = new[] { "low", "medium", "high", "critical" };
        for (var i = 0; i < events; i++)
        {
            var urn = 100000 + (int)(Math.Pow(rng.NextDouble(), 1.6) * schools); // skewed: some schools have far more events
            var kind = kinds[rng.Next(kinds.Length)];
            var at = now.AddMinutes(-rng.Next(0, 365 * 24 * 60));
            var source = new Guid(rng.Next(), (short)rng.Next(short.MaxValue), (short)rng.Next(short.MaxValue), 1, 2, 3, 4, 5, 6, 7, (byte)(i % 200));
            entries.Add(new TimelineEntry(Guid.NewGuid(), urn, kind, at, "bench", SourceId: kind is TimelineKind.WarningNoticeComplied or TimelineKind.ComplaintConcluded ? source : source,
                Category: "safeguarding", Level: kind == TimelineKind.SchoolRiskAssessed ? "High" : levels[rng.Next(levels.Length)],
                Detail: kind == TimelineKind.ComplaintConcluded ? "upheld" : "stage-1", Organisation: "Partner",
                Score: kind == TimelineKind.SchoolRiskAssessed ? rng.Next(0, 100) : null, Date: DateOnly.FromDateTime(at.UtcDateTime),
                ModelVersion: "bench", Reasons: kind == TimelineKind.SchoolRiskAssessed ? [new HardReason("x", "Bench reason", 10)] : null));
        }
        return (register, entries);
    }
}
