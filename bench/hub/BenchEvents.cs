using EducationHub.Contracts.V1;

namespace EducationHub.Bench.Hub;

/// <summary>
/// A deterministic mix of the integration events the services publish to the hub (risk
/// assessments, partner signals, complaints and their steps, governance concerns, warning
/// notices, interventions, whistleblowing triage), spread over a set of schools.
/// </summary>
internal static class BenchEvents
{
    public static List<IIntegrationEvent> Mixed(int count, int schools, DateTimeOffset now, int seed = 17)
    {
        var rng = new Random(seed);
        Guid Id()
        {
            Span<byte> bytes = stackalloc byte[16];
            rng.NextBytes(bytes);
            return new Guid(bytes);
        }
        string[] levels = ["low", "medium", "high", "critical"];
        var events = new List<IIntegrationEvent>(count);
        for (var i = 0; i < count; i++)
        {
            var urn = 100000 + rng.Next(schools);
            var at = now.AddMinutes(-rng.Next(0, 200 * 24 * 60));
            var day = DateOnly.FromDateTime(at.UtcDateTime);
            var complaint = Id();
            events.Add((i % 10) switch
            {
                0 => new SchoolRiskAssessed(Id(), at, urn, "schoolrisk", Id(), day, rng.Next(100), "High", "bench", [new RiskReason("ofsted", "Inspected Inadequate", 20)]),
                1 or 2 => new PartnerSignalSubmitted(Id(), at, urn, "schoolrisk", Id(), Id(), "ImprovementVisit", levels[rng.Next(4)], day, "SIP", null),
                3 => new ComplaintReceived(Id(), at, urn, "complaints", Id(), complaint, "bullying", "stage-1", "online", rng.Next(6) == 0, null),
                4 => new ComplaintEscalated(Id(), at, urn, "complaints", Id(), complaint, "bullying", "stage-1", "stage-2"),
                5 => new ComplaintConcluded(Id(), at, urn, "complaints", Id(), complaint, "bullying", "stage-2", "upheld"),
                6 => new GovernanceConcernRaised(Id(), at, urn, "governance", Id(), Id(), levels[rng.Next(4)], "Diocese"),
                7 => new WarningNoticeIssued(Id(), at, urn, "governance", Id(), Id(), "warning-notice", ["low-standards"], "Local authority", day, day.AddDays(21)),
                8 => new InterventionStarted(Id(), at, urn, "governance", Id(), Id(), "interim-executive-board", day, "Local authority"),
                _ => new WhistleblowingConcernTriaged(Id(), at, urn, "whistleblowing", Id(), Id(), "safeguarding", levels[rng.Next(4)]),
            });
        }
        return events;
    }
}
