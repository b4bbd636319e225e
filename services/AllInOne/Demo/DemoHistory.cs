using EducationHub.Contracts.V1;

namespace EducationHub.AllInOne.Demo;

/// <summary>
/// A year of integration events for the demo authority, as the five services would have
/// published them: registrations, quarterly risk assessments, partner signals, governance
/// concerns, warning notices (complied or deadline missed), interventions, complaints (with a
/// campaign or two), whistleblowing triage outcomes (category and severity only). Deterministic
/// for a seed and a month, so two runs in the same month build the same list.
/// </summary>
internal sealed class DemoHistory(List<DemoSchool> schools, DateTimeOffset now, int seed = 2014)
{
    private readonly Random _rng = new(seed);
    private readonly List<IIntegrationEvent> _events = [];

    public List<IIntegrationEvent> Build(DateTimeOffset from, DateTimeOffset to)
    {
        foreach (var s in schools)
        {
            Registered(s, now.AddDays(-400));
            Assessments(s, from, to);
            Signals(s, from, to);
            Complaints(s, from, to);
            Whistleblowing(s, from, to);
            Governance(s, from, to);
        }
        return [.. _events];
    }

    private Guid Id()
    {
        Span<byte> bytes = stackalloc byte[16];
        _rng.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40); // version 4 layout
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }

    private DateTimeOffset At(DateTimeOffset from, DateTimeOffset to)
    {
        var span = Math.Max(1, (to - from).TotalMinutes);
        var t = from.AddMinutes(_rng.NextDouble() * span);
        return new DateTimeOffset(t.Year, t.Month, t.Day, 8 + _rng.Next(10), _rng.Next(60), 0, TimeSpan.Zero);
    }

    private static DateOnly Day(DateTimeOffset t) => DateOnly.FromDateTime(t.UtcDateTime);

    private T Pick<T>(IReadOnlyList<T> items) => items[_rng.Next(items.Count)];

    private string Pick(string[] items) => items[_rng.Next(items.Length)];

    private int Poisson(double mean)
    {
        var l = Math.Exp(-mean);
        var k = 0;
        var p = 1.0;
        do { k++; p *= _rng.NextDouble(); } while (p > l);
        return k - 1;
    }

    private void Registered(DemoSchool s, DateTimeOffset at) =>
        _events.Add(new SchoolRegistered(Id(), at, s.Urn, "schoolrisk", Guid.Empty, s.Name, DemoNames.LaCode, DemoNames.LaName, s.Type, s.Phase,
            "Open", [], s.Trust));

    private void Assessments(DemoSchool s, DateTimeOffset from, DateTimeOffset to)
    {
        var (lo, hi) = s.Trouble switch { 0 => (5, 50), 1 => (35, 68), 2 => (55, 85), _ => (70, 97) };
        var baseScore = _rng.Next(lo, hi);
        for (var q = 0; q < 4; q++)
        {
            var at = from.AddDays(q * (to - from).TotalDays / 4 + _rng.Next(0, 20));
            if (at > to) break;
            var score = Math.Clamp(baseScore + _rng.Next(-6, 7) + (s.Trouble >= 2 ? q * 2 : 0), 0, 100);
            var band = score >= 70 ? "High" : score >= 45 ? "Medium" : "Low";
            var reasons = DemoNames.HardReasons.OrderBy(_ => _rng.Next()).Take(score >= 45 ? 3 : 1)
                .Select((r, i) => new RiskReason(r.Code, r.Text, Math.Round(score / (2.0 + i), 1))).ToList();
            _events.Add(new SchoolRiskAssessed(Id(), at, s.Urn, "schoolrisk", Guid.Empty, Day(at), score, band, "schoolrisk-2026.1-demo", reasons));
        }
    }

    private void Signals(DemoSchool s, DateTimeOffset from, DateTimeOffset to)
    {
        // A school improvement partner visit every term; concern level follows the school's state.
        for (var term = 0; term < 3; term++)
        {
            var at = At(from.AddDays(term * 120), from.AddDays(term * 120 + 100));
            if (at > to) break;
            var level = s.Trouble switch { 0 => _rng.Next(6) == 0 ? "low" : "none", 1 => Pick(["low", "medium"]), 2 => Pick(["medium", "high"]), _ => Pick(["high", "critical"]) };
            _events.Add(new PartnerSignalSubmitted(Id(), at, s.Urn, "schoolrisk", Guid.Empty, Id(), "improvement-visit", level, Day(at), "School improvement partner", null));
        }
        if (s.Trouble >= 2)
        {
            var at = At(from, to);
            var kind = Pick(["ofsted-monitoring-visit", "safeguarding-s175-audit", "headteacher-change", "finance-concern", "hr-concern", "rsc-note"]);
            var org = kind switch { "ofsted-monitoring-visit" => "Ofsted", "rsc-note" => "Regional Schools Commissioner", "safeguarding-s175-audit" => "Council safeguarding team", _ => "Council school improvement team" };
            var first = Id();
            _events.Add(new PartnerSignalSubmitted(Id(), at, s.Urn, "schoolrisk", Guid.Empty, first, kind, s.Trouble == 3 ? "high" : "medium", Day(at), org, null));
            if (_rng.Next(4) == 0) // a correction supersedes the first signal
                _events.Add(new PartnerSignalSubmitted(Id(), at.AddDays(2), s.Urn, "schoolrisk", Guid.Empty, Id(), kind, "critical", Day(at), org, first));
        }
    }

    private void Complaints(DemoSchool s, DateTimeOffset from, DateTimeOffset to)
    {
        var n = Poisson(s.Trouble switch { 0 => 0.8, 1 => 2.5, 2 => 5, _ => 8 });
        for (var i = 0; i < n; i++)
        {
            var at = At(from, to);
            var id = Id();
            var category = Pick(DemoNames.ComplaintCategories);
            var safeguarding = category == "safeguarding" && _rng.Next(2) == 0;
            _events.Add(new ComplaintReceived(Id(), at, s.Urn, "complaints", Guid.Empty, id, category, "stage-1", Pick(["web-form", "email", "phone", "letter"]), safeguarding, null));
            if (_rng.Next(4) == 0)
                _events.Add(new ComplaintEscalated(Id(), at.AddDays(20), s.Urn, "complaints", Guid.Empty, id, category, "stage-1", "stage-2"));
            if (_rng.Next(6) == 0)
                _events.Add(new ComplaintTimescaleBreached(Id(), at.AddDays(16), s.Urn, "complaints", Guid.Empty, id, category, "stage-1", Day(at.AddDays(14))));
            if (at.AddDays(30) < to)
                _events.Add(new ComplaintConcluded(Id(), at.AddDays(30), s.Urn, "complaints", Guid.Empty, id, category, "stage-1",
                    Pick(s.Trouble >= 2 ? ["upheld", "partly-upheld", "not-upheld"] : ["not-upheld", "not-upheld", "resolved-informally", "partly-upheld"])));
        }
        if (s.Trouble == 3 || (s.Trouble == 2 && _rng.Next(5) == 0))
        {
            // A campaign: many near-identical complaints in a week, marked so they count once.
            var at = At(to.AddDays(-75), to.AddDays(-10));
            var campaign = Id();
            var ids = new List<Guid>();
            var count = _rng.Next(8, 25);
            for (var i = 0; i < count; i++)
            {
                var id = Id();
                ids.Add(id);
                _events.Add(new ComplaintReceived(Id(), at.AddHours(i * 5), s.Urn, "complaints", Guid.Empty, id, "curriculum", "stage-1", "email", false, null));
            }
            _events.Add(new ComplaintCampaignDetected(Id(), at.AddDays(6), s.Urn, "complaints", Guid.Empty, campaign, "curriculum", ids));
        }
    }

    private void Whistleblowing(DemoSchool s, DateTimeOffset from, DateTimeOffset to)
    {
        var n = s.Trouble switch { 0 => _rng.Next(40) == 0 ? 1 : 0, 1 => _rng.Next(3) == 0 ? 1 : 0, 2 => _rng.Next(1, 3), _ => _rng.Next(2, 4) };
        for (var i = 0; i < n; i++)
        {
            var at = At(from, to);
            var caseRef = Id();
            var category = Pick(DemoNames.WhistleCategories);
            var severity = s.Trouble switch { 0 or 1 => Pick(["low", "medium"]), 2 => Pick(["medium", "high"]), _ => Pick(["high", "critical"]) };
            _events.Add(new WhistleblowingConcernTriaged(Id(), at, s.Urn, "whistleblowing", Guid.Empty, caseRef, category, severity));
            if (at.AddDays(60) < to && _rng.Next(2) == 0)
                _events.Add(new WhistleblowingConcernConcluded(Id(), at.AddDays(60), s.Urn, "whistleblowing", Guid.Empty, caseRef, category, severity,
                    Pick(s.Trouble >= 2 ? ["substantiated", "partially-substantiated"] : ["unsubstantiated", "inconclusive"])));
            else if (_rng.Next(3) == 0)
                _events.Add(new WhistleblowingClockDue(Id(), at.AddDays(6), s.Urn, "whistleblowing", Guid.Empty, caseRef, "acknowledgement", at.AddDays(7), false));
        }
    }

    private void Governance(DemoSchool s, DateTimeOffset from, DateTimeOffset to)
    {
        if (s.Trouble >= 1 && _rng.Next(s.Trouble == 1 ? 4 : 1) == 0)
        {
            var at = At(from, to);
            _events.Add(new GovernanceConcernRaised(Id(), at, s.Urn, "governance", Guid.Empty, Id(), s.Trouble >= 2 ? Pick(["high", "medium"]) : "low",
                Pick(["School improvement partner", "Council governance services", "Regional Schools Commissioner"])));
        }
        var academy = s.Type.StartsWith("Academy", StringComparison.Ordinal) || s.Type == "Free schools";
        if (s.Trouble >= 2 && _rng.Next(s.Trouble == 3 ? 1 : 3) == 0)
        {
            var at = At(from, to.AddDays(-30));
            var notice = Id();
            var type = academy ? "academy-warning-notice" : "warning-notice";
            var issuer = academy ? "Regional Schools Commissioner" : "Local authority";
            var grounds = Pick<string[]>([["low-standards"], ["breakdown-of-management-or-governance"], ["low-standards", "breakdown-of-management-or-governance"], ["safety-of-pupils-or-staff"]]);
            var deadline = Day(at.AddDays(21));
            _events.Add(new WarningNoticeIssued(Id(), at, s.Urn, "governance", Guid.Empty, notice, type, grounds, issuer, Day(at), deadline));
            var outcome = _rng.Next(3);
            if (outcome == 0 && at.AddDays(18) < to)
                _events.Add(new WarningNoticeComplied(Id(), at.AddDays(18), s.Urn, "governance", Guid.Empty, notice, type, Day(at.AddDays(18))));
            else if (outcome == 1 && at.AddDays(22) < to)
            {
                _events.Add(new WarningNoticeDeadlinePassed(Id(), at.AddDays(22), s.Urn, "governance", Guid.Empty, notice, type, deadline));
                if (s.Trouble == 3 && at.AddDays(45) < to)
                {
                    var kind = academy ? "termination-warning" : "interim-executive-board";
                    _events.Add(new InterventionStarted(Id(), at.AddDays(45), s.Urn, "governance", Guid.Empty, Id(), kind, Day(at.AddDays(45)),
                        academy ? "Regional Schools Commissioner" : "Council"));
                }
            }
        }
    }

    /// <summary>
    /// This month so far: a little fresh activity, and follow-ups to some of last month's
    /// decisions (a warning notice issued, a support package started, a monitoring visit).
    /// </summary>
    public List<IIntegrationEvent> CurrentMonth(DateTimeOffset from, DateTimeOffset to, IReadOnlyList<(int Urn, Hub.Domain.DecisionKind Kind)> decided)
    {
        _events.Clear();
        if (to <= from) to = from.AddHours(1);
        foreach (var s in schools.Where(s => s.Trouble >= 1))
        {
            if (_rng.Next(3) == 0)
                _events.Add(new ComplaintReceived(Id(), At(from, to), s.Urn, "complaints", Guid.Empty, Id(), Pick(DemoNames.ComplaintCategories), "stage-1", "web-form", false, null));
            if (s.Trouble >= 2 && _rng.Next(3) == 0)
                _events.Add(new WhistleblowingConcernTriaged(Id(), At(from, to), s.Urn, "whistleblowing", Guid.Empty, Id(), Pick(DemoNames.WhistleCategories), Pick(["medium", "high"])));
        }
        var seenSupport = false;
        foreach (var (urn, kind) in decided)
        {
            var at = At(from, to);
            switch (kind)
            {
                case Hub.Domain.DecisionKind.WarningNotice:
                    _events.Add(new WarningNoticeIssued(Id(), at, urn, "governance", Guid.Empty, Id(), "warning-notice", ["low-standards", "breakdown-of-management-or-governance"],
                        "Local authority", Day(at), Day(at.AddDays(21))));
                    break;
                case Hub.Domain.DecisionKind.SupportPackage when !seenSupport:
                    seenSupport = true; // the second support package is left undone, so the list shows one of each
                    _events.Add(new InterventionStarted(Id(), at, urn, "governance", Guid.Empty, Id(), "additional-governors", Day(at), "Council"));
                    break;
                case Hub.Domain.DecisionKind.Monitor:
                    _events.Add(new PartnerSignalSubmitted(Id(), at, urn, "schoolrisk", Guid.Empty, Id(), "improvement-visit", "medium", Day(at), "School improvement partner", null));
                    break;
            }
        }
        return [.. _events];
    }
}
