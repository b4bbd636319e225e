using EducationHub.Complaints.Domain;
using EducationHub.Governance.Domain.GoverningBodies;
using EducationHub.Governance.Domain.Interventions;
using EducationHub.Governance.Domain.Notices;
using EducationHub.SchoolRisk.Domain;
using Wb = EducationHub.Whistleblowing.Domain;

namespace EducationHub.AllInOne.Demo;

/// <summary>
/// The demo authority's year as steps through the services: the register and open data, monthly
/// assessments, weekly deadline sweeps, and each school's story by how troubled it is (partner
/// visits, complaints and how they were handled, a campaign or two, whistleblowing reports taken
/// from submission to outcome, governance concerns, warning notices complied with or not, and
/// interventions). Most schools are fine and generate little; a few generate most of the work,
/// as in a real authority. Deterministic for a seed and a year.
/// </summary>
internal sealed class DemoYear
{
    private readonly Random _rng;
    private readonly List<DemoStep> _steps = [];
    private readonly DateTimeOffset _start;
    private readonly DateTimeOffset _end;

    public DemoYear(IReadOnlyList<DemoSchool> schools, DemoIndicators indicators, DateTimeOffset start, DateTimeOffset end, int seed = 2014)
    {
        _rng = new Random(seed);
        _start = start;
        _end = end;
        Routine(schools, indicators);
        foreach (var school in schools)
        {
            Visits(school);
            Complaints(school);
            Campaign(school);
            Whistleblowing(school);
            Governance(school);
        }
    }

    /// <summary>Every step in time order (a stable sort keeps each story's own order on ties).</summary>
    public IReadOnlyList<DemoStep> Steps => [.. _steps.OrderBy(s => s.At)];

    private static DateOnly Day(DateTimeOffset t) => DateOnly.FromDateTime(t.UtcDateTime);

    private static bool IsAcademy(DemoSchool s) => s.Type.StartsWith("Academy", StringComparison.Ordinal) || s.Type == "Free schools";

    private T Pick<T>(params T[] items) => items[_rng.Next(items.Length)];

    /// <summary>A random-layout (version 4) id from the seeded generator, so the same seed gives the same ids.</summary>
    private Guid NewId()
    {
        Span<byte> bytes = stackalloc byte[16];
        _rng.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }

    private int Poisson(double mean)
    {
        var limit = Math.Exp(-mean);
        var k = 0;
        var p = 1.0;
        do { k++; p *= _rng.NextDouble(); } while (p > limit);
        return k - 1;
    }

    /// <summary>A working-day moment in [from, to], during office hours.</summary>
    private DateTimeOffset At(DateTimeOffset from, DateTimeOffset to)
    {
        var span = Math.Max(1.0, (to - from).TotalDays);
        var day = from.UtcDateTime.Date.AddDays(Math.Floor(_rng.NextDouble() * span));
        while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) day = day.AddDays(1);
        return new DateTimeOffset(day.AddHours(8 + _rng.Next(9)).AddMinutes(_rng.Next(60)), TimeSpan.Zero);
    }

    /// <summary>Adds a step if it falls inside the year; returns whether it did (later steps of a story depend on it).</summary>
    private bool Add(DateTimeOffset at, string what, Func<IServiceProvider, CancellationToken, Task> run)
    {
        if (at < _start || at > _end) return false;
        _steps.Add(new DemoStep(at, what, run));
        return true;
    }

    private void Routine(IReadOnlyList<DemoSchool> schools, DemoIndicators indicators)
    {
        var startDay = Day(_start);
        Add(_start, "register", DemoSchoolRiskSteps.Register(schools, startDay));
        Add(_start.AddMinutes(1), "import and assess", DemoSchoolRiskSteps.ImportAndAssess(indicators, null, startDay));

        // SchoolRisk imports what was published and re-assesses the authority every quarter, and the
        // day after results and finance come out (15 December), so new data shows up as movement.
        var previous = startDay;
        var results = new DateTimeOffset(_start.Year, 12, 16, 6, 0, 0, TimeSpan.Zero);
        var assessments = Enumerable.Range(1, 3).Select(q => new DateTimeOffset(_start.Year, _start.Month, 1, 6, 0, 0, TimeSpan.Zero).AddMonths(3 * q))
            .Append(results < _start ? results.AddYears(1) : results).Where(a => a > _start && a < _end).Order();
        foreach (var at in assessments)
        {
            Add(at, "import and assess", DemoSchoolRiskSteps.ImportAndAssess(indicators, previous, Day(at)));
            previous = Day(at);
        }
        Add(_end.AddMinutes(-2), "import and assess", DemoSchoolRiskSteps.ImportAndAssess(indicators, previous, Day(_end)));

        // The services' own scheduled sweeps, fortnightly here (they run every few minutes in a live
        // system; the events they raise are then up to two weeks late, which the hub does not mind).
        for (var at = _start.Date.AddDays(1).AddHours(5); at < _end; at = at.AddDays(14))
        {
            var today = Day(at);
            Add(new DateTimeOffset(at, TimeSpan.Zero), "sweeps", async (sp, ct) =>
            {
                await DemoGovernanceSteps.ScanDeadlinesAsync(sp, ct);
                await DemoComplaintsSteps.SweepAsync(sp, today, ct);
                await DemoWhistleblowingSteps.SweepAsync(sp, ct);
            });
        }
    }

    private void Visits(DemoSchool s)
    {
        // The school improvement partner records a termly visit for schools in the support programme,
        // and occasionally notes something at a school that is otherwise fine.
        var terms = s.Trouble switch { 0 => _rng.Next(8) == 0 ? 1 : 0, 1 => 2, _ => 3 };
        for (var term = 0; term < terms; term++)
        {
            var at = At(_start.AddDays(10 + term * 120), _start.AddDays(100 + term * 120));
            var level = s.Trouble switch
            {
                0 => Pick(ConcernLevel.None, ConcernLevel.Low),
                1 => Pick(ConcernLevel.Low, ConcernLevel.Low, ConcernLevel.Medium),
                2 => Pick(ConcernLevel.Low, ConcernLevel.Medium, ConcernLevel.Medium, ConcernLevel.High),
                _ => Pick(ConcernLevel.Low, ConcernLevel.Medium, ConcernLevel.High),
            };
            var summary = level switch
            {
                ConcernLevel.None or ConcernLevel.Low => "Visit found leadership secure; some inconsistency in the teaching of reading",
                ConcernLevel.Medium => "Progress on the improvement plan is slower than agreed; leadership capacity stretched",
                _ => "Leaders do not have an accurate view of the school; safeguarding records incomplete",
            };
            Add(at, "partner visit", DemoSchoolRiskSteps.Signal(s.Urn, SignalKind.SchoolImprovementVisit, level, Day(at), "school-improvement-partner", summary));
        }
        if (s.Trouble >= 2)
        {
            var at = At(_start.AddDays(30), _end.AddDays(-5));
            var (kind, org, summary, outcome) = _rng.Next(5) switch
            {
                0 => (SignalKind.OfstedMonitoringVisit, "ofsted", "Monitoring inspection", s.Trouble == 3 ? "Not taking effective action" : "Taking effective action"),
                1 => (SignalKind.SafeguardingAudit, "council-safeguarding", "Section 175 safeguarding audit returned late and incomplete", (string?)null),
                2 => (SignalKind.HeadteacherChange, "council", "Headteacher resigned; interim arrangements in place", null),
                3 => (SignalKind.FinanceConcern, "council-schools-finance", "Deficit recovery plan not agreed", null),
                _ => (SignalKind.RscNote, "regional-schools-commissioner", "Trust asked for a school improvement plan", null),
            };
            Add(at, "partner signal", DemoSchoolRiskSteps.Signal(s.Urn, kind, s.Trouble == 3 ? ConcernLevel.High : ConcernLevel.Medium, Day(at), org, summary, outcome));
        }
    }

    private static readonly (ComplaintCategory Category, string Summary)[] ComplaintTopics =
    [
        (ComplaintCategory.Bullying, "My child has been bullied for weeks and the school has not acted"),
        (ComplaintCategory.SenDisability, "The support in my child's EHC plan is not being provided"),
        (ComplaintCategory.BehaviourAndExclusions, "My son was sent home without a formal exclusion letter"),
        (ComplaintCategory.Curriculum, "Homework and reading books are not matched to my daughter's level"),
        (ComplaintCategory.LeadershipAndGovernance, "Governors did not reply to my letter about the head's decision"),
        (ComplaintCategory.StaffConduct, "A teacher shouted at my child in front of the class"),
        (ComplaintCategory.Safeguarding, "Nobody checked who collected my child at the gate"),
        (ComplaintCategory.Other, "The school trip was cancelled with no refund"),
    ];

    private void Complaints(DemoSchool s)
    {
        var count = Poisson(s.Trouble switch { 0 => 0.12, 1 => 0.9, 2 => 1.8, _ => 3.5 });
        for (var i = 0; i < count; i++)
        {
            var at = At(_start, _end);
            var id = NewId();
            var (category, summary) = ComplaintTopics[_rng.Next(ComplaintTopics.Length)];
            var informal = _rng.Next(100) < 55;
            if (!Add(at, "complaint", DemoComplaintsSteps.Receive(id, s.Urn, IsAcademy(s), category, informal ? ComplaintStage.Concern : ComplaintStage.Stage1,
                    Pick(IntakeChannel.WebForm, IntakeChannel.Email, IntakeChannel.Phone, IntakeChannel.Letter), summary, Day(at)))) continue;
            if (_rng.Next(10) == 0) continue; // never answered: the timescale sweep reports the breach
            var respondAt = at.AddDays(_rng.Next(6, 24));
            if (informal)
            {
                Add(respondAt, "complaint resolved", DemoComplaintsSteps.Respond(id, StageOutcome.ResolvedInformally, Day(respondAt)));
                continue;
            }
            var outcome = s.Trouble >= 2 ? Pick(StageOutcome.Upheld, StageOutcome.PartlyUpheld, StageOutcome.NotUpheld) : Pick(StageOutcome.NotUpheld, StageOutcome.NotUpheld, StageOutcome.PartlyUpheld);
            if (_rng.Next(100) < (s.Trouble >= 2 ? 35 : 15))
            {
                // The complainant, dissatisfied with the response, asks for a stage 2 panel straight away.
                if (!Add(respondAt, "complaint answered and escalated", DemoComplaintsSteps.AnswerAndEscalate(id, outcome, Day(respondAt), Day(respondAt)))) continue;
                var panelAt = respondAt.AddDays(_rng.Next(20, 35));
                Add(panelAt, "panel outcome", DemoComplaintsSteps.AnswerAndClose(id, outcome == StageOutcome.NotUpheld ? StageOutcome.NotUpheld : StageOutcome.Upheld,
                    Day(panelAt), Day(panelAt)));
            }
            else
            {
                // The response is accepted: the complaint is closed the same day.
                Add(respondAt, "complaint answered and closed", DemoComplaintsSteps.AnswerAndClose(id, outcome, Day(respondAt), Day(respondAt)));
            }
        }
    }

    private void Campaign(DemoSchool s)
    {
        // An organised campaign: near-identical complaints within days, which Complaints groups so they count once.
        if (!((s.Trouble == 3 && _rng.Next(2) == 0) || (s.Trouble == 2 && _rng.Next(6) == 0))) return;
        var first = At(_end.AddDays(-80), _end.AddDays(-12));
        var members = _rng.Next(6, 10);
        for (var i = 0; i < members; i++)
        {
            var at = first.AddHours(i * 9);
            var id = NewId();
            if (Add(at, "campaign complaint", DemoComplaintsSteps.Receive(id, s.Urn, IsAcademy(s), ComplaintCategory.Curriculum, ComplaintStage.Stage1, IntakeChannel.Email,
                    "Parents were not consulted about the changes to the relationships and sex education curriculum this term", Day(at))))
            {
                var answerAt = at.AddDays(_rng.Next(10, 16));
                Add(answerAt, "campaign complaint answered and closed", DemoComplaintsSteps.AnswerAndClose(id, StageOutcome.NotUpheld, Day(answerAt), Day(answerAt)));
            }
        }
    }

    private static readonly (Wb.ConcernCategory Category, string What)[] WhistleTopics =
    [
        (Wb.ConcernCategory.Safeguarding, "Concerns raised by pupils are not being passed to the safeguarding lead"),
        (Wb.ConcernCategory.Governance, "A small group of governors is making decisions outside meetings"),
        (Wb.ConcernCategory.Finance, "Contracts are being given to a governor's relative without quotes"),
        (Wb.ConcernCategory.CurriculumNarrowing, "Music, art and PE have been dropped for Year 6 to drill for tests"),
        (Wb.ConcernCategory.StaffBullyingHarassment, "Staff who question the head are moved off their classes"),
        (Wb.ConcernCategory.ExtremismRadicalisation, "An external speaker promoted views intolerant of other faiths"),
    ];

    private void Whistleblowing(DemoSchool s)
    {
        var count = s.Trouble switch { 0 => _rng.Next(60) == 0 ? 1 : 0, 1 => _rng.Next(5) == 0 ? 1 : 0, 2 => _rng.Next(0, 2), _ => _rng.Next(1, 4) };
        for (var i = 0; i < count; i++)
        {
            var at = At(_start, _end.AddDays(-3));
            var @case = new DemoRef();
            var (category, what) = WhistleTopics[_rng.Next(s.Trouble >= 2 ? WhistleTopics.Length : 5)];
            if (!Add(at, "whistleblowing report", DemoWhistleblowingSteps.Submit(@case, s.Urn, s.Name, category, what))) continue;
            // Most are acknowledged within the 7 days; a few late, which the clock sweep reports.
            var ackAt = at.AddDays(_rng.Next(10) == 0 ? 9 : _rng.Next(1, 5));
            if (!Add(ackAt, "report acknowledged", DemoWhistleblowingSteps.Acknowledge(@case))) continue;
            var severity = s.Trouble switch { 0 or 1 => Pick(Wb.Severity.Low, Wb.Severity.Medium), 2 => Pick(Wb.Severity.Medium, Wb.Severity.High), _ => Pick(Wb.Severity.High, Wb.Severity.Critical) };
            var triageAt = ackAt.AddDays(_rng.Next(2, 8));
            if (!Add(triageAt, "report triaged", DemoWhistleblowingSteps.Triage(@case, severity))) continue;
            var closeAt = triageAt.AddDays(_rng.Next(50, 100));
            var finding = s.Trouble >= 2 ? Pick(Wb.Substantiation.Substantiated, Wb.Substantiation.PartiallySubstantiated, Wb.Substantiation.Unsubstantiated)
                : Pick(Wb.Substantiation.Unsubstantiated, Wb.Substantiation.Unfounded, Wb.Substantiation.PartiallySubstantiated);
            Add(closeAt, "case closed", DemoWhistleblowingSteps.Close(@case, finding));
        }
    }

    private void Governance(DemoSchool s)
    {
        if (s.Trouble >= 1 && _rng.Next(s.Trouble switch { 1 => 4, 2 => 2, _ => 1 }) == 0)
        {
            var at = At(_start, _end);
            var severity = s.Trouble switch { 1 => Pick(ConcernSeverity.Low, ConcernSeverity.Medium), 2 => Pick(ConcernSeverity.Medium, ConcernSeverity.High), _ => Pick(ConcernSeverity.High, ConcernSeverity.Critical) };
            Add(at, "governance concern", DemoGovernanceSteps.Concern(s.Urn, severity, "Board minutes show no challenge to leaders on standards or the budget"));
        }
        if (!(s.Trouble == 3 || (s.Trouble == 2 && _rng.Next(3) == 0))) return;

        var academy = IsAcademy(s);
        var notice = new DemoRef();
        var issuedAt = At(_start.AddDays(20), _end.AddDays(-50));
        NoticeGround[] grounds = Pick<NoticeGround[]>([NoticeGround.LowStandards], [NoticeGround.ManagementOrGovernanceBreakdown],
            [NoticeGround.LowStandards, NoticeGround.ManagementOrGovernanceBreakdown], [NoticeGround.SafetyThreatened]);
        if (!Add(issuedAt, "warning notice", DemoGovernanceSteps.IssueNotice(notice, s.Urn, academy, grounds))) return;
        Add(issuedAt.AddDays(3), "notice confirmed", DemoGovernanceSteps.Notice(notice, NoticeTrigger.Confirm, "No representations received"));
        if (_rng.Next(s.Trouble == 2 ? 2 : 4) == 0)
        {
            Add(issuedAt.AddDays(_rng.Next(12, 18)), "notice complied", DemoGovernanceSteps.Notice(notice, NoticeTrigger.RecordCompliance, "Improvement plan accepted"));
            return;
        }
        // The compliance period runs out (the weekly deadline scan reports it); the council records non-compliance.
        if (!Add(issuedAt.AddDays(40), "non-compliance", DemoGovernanceSteps.Notice(notice, NoticeTrigger.RecordNonCompliance, "No adequate plan received"))) return;
        if (s.Trouble < 3 || academy) return;
        var intervention = new DemoRef();
        var kind = _rng.Next(3) == 0 ? InterventionKind.InterimExecutiveBoard : InterventionKind.AdditionalGovernors;
        var startAt = issuedAt.AddDays(_rng.Next(50, 70));
        if (!Add(startAt, "intervention", DemoGovernanceSteps.StartIntervention(intervention, s.Urn, kind, notice))) return;
        Add(startAt.AddMinutes(30), "notice escalated", DemoGovernanceSteps.Notice(notice, NoticeTrigger.Escalate, "Escalated to intervention", intervention));
        if (kind == InterventionKind.AdditionalGovernors)
            Add(startAt.AddDays(_rng.Next(150, 220)), "intervention ended", DemoGovernanceSteps.EndIntervention(intervention, "Board strengthened; additional governors stood down"));
    }
}
