using EducationHub.Hub.Domain;
using EducationHub.Hub.Infrastructure;

namespace EducationHub.Hub.Tests.MonthBuild;

/// <summary>
/// A small authority with every kind of timeline event, schools that merged (predecessor URNs),
/// a closed school, a school with events but no registration, late events received after the
/// list's cut-off, and last month's decisions of every kind. Deterministic for a seed.
/// </summary>
internal static class MixedAuthority
{
    public const int FirstUrn = 700000;

    public static (List<SchoolRow> Schools, List<TimelineRow> Timeline, List<DecisionRow> Decisions) Build(DateTimeOffset now, int schools = 240, int seed = 11)
    {
        var rng = new Random(seed);
        Guid NewId()
        {
            var bytes = new byte[16];
            rng.NextBytes(bytes);
            return new Guid(bytes);
        }
        var rows = new List<SchoolRow>();
        for (var i = 0; i < schools; i++)
        {
            var urn = FirstUrn + i;
            rows.Add(new SchoolRow
            {
                Urn = urn, Name = $"School {urn}", LaCode = i % 2 == 0 ? "330" : "331", LaName = i % 2 == 0 ? "Birmingham" : "Coventry",
                EstablishmentType = "Academy converter", Phase = i % 3 == 0 ? "Secondary" : "Primary",
                Status = i == 5 ? "Closed" : "Open", TrustName = i % 4 == 0 ? "Trust A" : null, RegisteredAtMs = 0,
                // 10 absorbed 11 and 12 (conversion); 20 absorbed 21; closed school 5 lists 6, which therefore stays separate.
                PredecessorUrns = i switch { 10 => $"{FirstUrn + 11},{FirstUrn + 12}", 20 => $"{FirstUrn + 21}", 5 => $"{FirstUrn + 6}", _ => "" },
            });
        }

        var received = now.AddMinutes(-1);
        var timeline = new List<TimelineRow>();
        void Add(TimelineEntry e, DateTimeOffset? at = null) => timeline.Add(RowMapping.ToRow(e, at ?? received));
        string[] levels = ["low", "medium", "high", "critical"];
        string[] orgs = ["Ofsted", "SIP", "Regional Schools Commissioner", "Local authority"];
        DateTimeOffset Ago(int maxDays) => now.AddMinutes(-rng.Next(0, maxDays * 24 * 60));
        DateOnly Day(DateTimeOffset at) => DateOnly.FromDateTime(at.UtcDateTime);

        // Events for every registered school and for one URN the register does not know.
        for (var urn = FirstUrn; urn <= FirstUrn + schools; urn++)
        {
            var weight = rng.Next(0, 4); // some schools quiet, some busy
            for (var k = 0; k < 1 + weight; k++)
            {
                var at = Ago(200);
                Add(new TimelineEntry(NewId(), urn, TimelineKind.SchoolRiskAssessed, at, "schoolrisk", Level: levels[rng.Next(4)], Score: rng.Next(0, 100),
                    Date: Day(at), ModelVersion: k % 2 == 0 ? "sr-1" : "sr-2", Reasons: [new HardReason("ofsted", "Inspected Inadequate", rng.Next(1, 30)), new HardReason("kpi", "Attainment falling", 5)]));
            }
            for (var k = 0; k < weight * 2; k++)
            {
                var signal = NewId();
                var at = Ago(120);
                Add(new TimelineEntry(NewId(), urn, TimelineKind.PartnerSignalSubmitted, at, "schoolrisk", SourceId: signal, Category: "ImprovementVisit",
                    Level: levels[rng.Next(4)], Organisation: orgs[rng.Next(orgs.Length)], Date: Day(at)));
                if (rng.Next(5) == 0)
                    Add(new TimelineEntry(NewId(), urn, TimelineKind.PartnerSignalSubmitted, at.AddDays(2), "schoolrisk", SourceId: NewId(), RelatedId: signal,
                        Category: "ImprovementVisit", Level: "low", Organisation: "SIP", Date: Day(at.AddDays(2))));
            }
            if (rng.Next(3) == 0)
            {
                var notice = NewId();
                var issued = Ago(150);
                Add(new TimelineEntry(NewId(), urn, TimelineKind.WarningNoticeIssued, issued, "governance", SourceId: notice, Category: "warning-notice",
                    Detail: "low-standards, governance", Organisation: "Local authority", Date: Day(issued)));
                switch (rng.Next(3))
                {
                    case 0:
                        Add(new TimelineEntry(NewId(), urn, TimelineKind.WarningNoticeComplied, now.AddDays(-rng.Next(1, 50)), "governance", SourceId: notice, Category: "warning-notice"));
                        break;
                    case 1:
                        Add(new TimelineEntry(NewId(), urn, TimelineKind.WarningNoticeDeadlinePassed, issued.AddDays(21), "governance", SourceId: notice, Category: "warning-notice", Date: Day(issued.AddDays(21))));
                        break;
                }
            }
            if (rng.Next(4) == 0)
            {
                var intervention = NewId();
                var started = Ago(180);
                Add(new TimelineEntry(NewId(), urn, TimelineKind.InterventionStarted, started, "governance", SourceId: intervention, Category: "interim-executive-board",
                    Organisation: orgs[rng.Next(orgs.Length)], Date: Day(started)));
                if (rng.Next(2) == 0)
                    Add(new TimelineEntry(NewId(), urn, TimelineKind.InterventionEnded, now.AddDays(-rng.Next(1, 40)), "governance", SourceId: intervention,
                        Category: "interim-executive-board", Detail: "improved"));
            }
            for (var k = 0; k < weight; k++)
                Add(new TimelineEntry(NewId(), urn, TimelineKind.GovernanceConcernRaised, Ago(150), "governance", SourceId: NewId(), Level: levels[rng.Next(4)], Organisation: "Diocese"));
            var campaign = NewId();
            var campaignComplaints = new List<Guid>();
            for (var k = 0; k < weight * 2; k++)
            {
                var complaint = NewId();
                var at = Ago(100);
                var inCampaign = rng.Next(4) == 0;
                if (inCampaign) campaignComplaints.Add(complaint);
                Add(new TimelineEntry(NewId(), urn, TimelineKind.ComplaintReceived, at, "complaints", SourceId: complaint, RelatedId: inCampaign && rng.Next(2) == 0 ? campaign : null,
                    Category: rng.Next(2) == 0 ? "bullying" : "send", Detail: "stage-1", Organisation: "online", Flag: rng.Next(6) == 0));
                switch (rng.Next(5))
                {
                    case 0: Add(new TimelineEntry(NewId(), urn, TimelineKind.ComplaintEscalated, at.AddDays(10), "complaints", SourceId: complaint, Category: "bullying", Detail: "stage-1 to stage-2")); break;
                    case 1: Add(new TimelineEntry(NewId(), urn, TimelineKind.ComplaintConcluded, at.AddDays(20), "complaints", SourceId: complaint, Category: "bullying", Level: "stage-1", Detail: rng.Next(2) == 0 ? "upheld" : "not-upheld")); break;
                    case 2: Add(new TimelineEntry(NewId(), urn, TimelineKind.ComplaintTimescaleBreached, at.AddDays(15), "complaints", SourceId: complaint, Category: "bullying", Detail: "stage-1", Date: Day(at.AddDays(15)))); break;
                }
            }
            if (campaignComplaints.Count > 1)
                Add(new TimelineEntry(NewId(), urn, TimelineKind.ComplaintCampaignDetected, now.AddDays(-3), "complaints", SourceId: campaign, Category: "bullying", RelatedIds: campaignComplaints));
            if (rng.Next(3) == 0)
            {
                var caseRef = NewId();
                var at = Ago(120);
                Add(new TimelineEntry(NewId(), urn, TimelineKind.WhistleblowingConcernTriaged, at, "whistleblowing", SourceId: caseRef, Category: "safeguarding", Level: levels[rng.Next(4)]));
                if (rng.Next(2) == 0)
                    Add(new TimelineEntry(NewId(), urn, TimelineKind.WhistleblowingConcernConcluded, at.AddDays(30), "whistleblowing", SourceId: caseRef, Category: "safeguarding",
                        Level: levels[rng.Next(4)], Detail: rng.Next(2) == 0 ? "substantiated" : "unsubstantiated"));
                Add(new TimelineEntry(NewId(), urn, TimelineKind.WhistleblowingClockDue, at.AddDays(5), "whistleblowing", SourceId: caseRef, Category: "acknowledge", Detail: "due soon", Date: Day(at.AddDays(6))));
            }
            // Same instant, different event ids: the order within a school must not depend on how rows come back.
            var tie = Ago(30);
            Add(new TimelineEntry(NewId(), urn, TimelineKind.GovernanceConcernRaised, tie, "governance", SourceId: NewId(), Level: "high", Organisation: "Diocese"));
            Add(new TimelineEntry(NewId(), urn, TimelineKind.GovernanceConcernRaised, tie, "governance", SourceId: NewId(), Level: "low", Organisation: "Trust"));
            // Received after the list's cut-off: in neither list.
            if (rng.Next(8) == 0)
                Add(new TimelineEntry(NewId(), urn, TimelineKind.WarningNoticeIssued, now.AddDays(-1), "governance", SourceId: NewId(), Category: "warning-notice",
                    Organisation: "Local authority", Date: Day(now)), now.AddHours(1));
        }

        var lastMonth = RiskMonth.Containing(now).Previous;
        var decisions = new List<DecisionRow>();
        var kinds = Enum.GetValues<DecisionKind>();
        for (var i = 0; i < 60; i += 2)
            decisions.Add(new DecisionRow
            {
                Id = NewId(), Month = lastMonth.ToString(), Urn = FirstUrn + i, Kind = (int)kinds[i / 2 % kinds.Length], OwnerOrganisation = orgs[i % orgs.Length],
                DueOn = Day(now).AddDays(i % 3 == 0 ? -5 : 10), Action = "Agreed at the meeting", RecordedBy = "council", RecordedBySubject = "test",
                RecordedAt = lastMonth.Start.AddDays(10).UtcDateTime, Done = i % 10 == 0,
            });
        return (rows, timeline, decisions);
    }
}
