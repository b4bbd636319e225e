using EducationHub.Hub.Domain;
using EducationHub.Hub.Domain.Priority;

namespace EducationHub.Hub.Tests.Domain;

public class PriorityCalculatorTests
{
    private readonly PriorityCalculator _calc = new(PriorityModel.Default);
    private const int Urn = 100001;

    [Fact]
    public void Hard_score_is_weighted_and_explained_with_the_model_version_and_top_reasons()
    {
        var risk = T.Risk(Urn, 80, "High", T.Now.AddDays(-10), new HardReason("ofsted", "Inspected Inadequate 2025", 30), new HardReason("p8", "Progress 8 -0.9", 20));
        var p = _calc.Calculate(Urn, [risk], T.Now);
        Assert.Equal(48, p.Priority); // 80 x 0.6
        Assert.Equal(80, p.HardScore);
        var reason = Assert.Single(p.Reasons);
        Assert.Contains("SchoolRisk score 80 (High)", reason.Text);
        Assert.Contains("Inspected Inadequate 2025", reason.Text);
        Assert.Contains("sr-1", reason.Text);
        Assert.Contains($"event/{risk.EventId}", reason.SourceRefs);
    }

    [Fact]
    public void Only_the_latest_assessment_counts_and_nothing_after_the_instant()
    {
        var p = _calc.Calculate(Urn, [T.Risk(Urn, 50, "Medium", T.Now.AddDays(-60)), T.Risk(Urn, 90, "High", T.Now.AddDays(-5)), T.Risk(Urn, 10, "Low", T.Now.AddDays(5))], T.Now);
        Assert.Equal(90, p.HardScore);
    }

    [Fact]
    public void An_open_warning_notice_does_not_decay_and_a_complied_one_fades()
    {
        var notice = T.Id();
        var issued = T.NoticeIssued(Urn, notice, T.Now.AddDays(-300));
        var open = _calc.Calculate(Urn, [issued], T.Now);
        Assert.Equal(25, open.Priority);
        Assert.Contains(open.CurrentSupport, s => s.Contains("Warning notice", StringComparison.Ordinal));

        var complied = _calc.Calculate(Urn, [issued, T.NoticeComplied(Urn, notice, T.Now.AddDays(-90))], T.Now);
        Assert.Equal(4, complied.Priority); // 8 points, one 90-day half-life ago
        Assert.Empty(complied.CurrentSupport);
    }

    [Fact]
    public void Soft_signals_halve_every_half_life()
    {
        var fresh = _calc.Calculate(Urn, [T.Whistle(Urn, T.Now, "critical")], T.Now);
        var old = _calc.Calculate(Urn, [T.Whistle(Urn, T.Now.AddDays(-90), "critical")], T.Now);
        Assert.Equal(24, fresh.Priority);
        Assert.Equal(12, old.Priority);
    }

    [Fact]
    public void A_campaign_counts_once_whether_marked_on_receipt_or_detected_later()
    {
        var at = T.Now.AddDays(-1);
        var single = _calc.Calculate(Urn, [T.Complaint(Urn, at)], T.Now);

        var campaign = T.Id();
        var marked = Enumerable.Range(0, 12).Select(_ => T.Complaint(Urn, at, campaign: campaign)).ToList();
        var onReceipt = _calc.Calculate(Urn, marked, T.Now);

        var ids = Enumerable.Range(0, 12).Select(_ => T.Id()).ToArray();
        var later = ids.Select(id => T.Complaint(Urn, at, complaint: id)).Append(T.Campaign(Urn, T.Now, campaign, ids)).ToList();
        var detected = _calc.Calculate(Urn, later, T.Now);

        Assert.Equal(single.Priority, onReceipt.Priority);
        Assert.Equal(single.Priority, detected.Priority);
        Assert.Contains("12 complaints received (1 campaign counted once, so 1 counted)", detected.Reasons.Single().Text);
        Assert.Contains($"campaign/{campaign}", detected.Reasons.Single().SourceRefs);
    }

    [Fact]
    public void Separate_complaints_each_count_up_to_the_cap()
    {
        var many = Enumerable.Range(0, 30).Select(_ => T.Complaint(Urn, T.Now, safeguarding: true)).ToList();
        var p = _calc.Calculate(Urn, many, T.Now);
        Assert.Equal(20, p.Priority);
    }

    [Fact]
    public void A_superseded_partner_signal_is_ignored()
    {
        var original = T.Id();
        var p = _calc.Calculate(Urn, [T.Signal(Urn, T.Now, "critical", original), T.Signal(Urn, T.Now, "low", supersedes: original)], T.Now);
        Assert.Equal(3, p.Priority);
        Assert.Single(p.Reasons);
    }

    [Fact]
    public void Whistleblowing_reasons_carry_category_severity_and_case_reference_only()
    {
        var caseRef = T.Id();
        var p = _calc.Calculate(Urn, [T.Whistle(Urn, T.Now, "high", caseRef)], T.Now);
        var reason = p.Reasons.Single();
        Assert.Equal("1 whistleblowing concern triaged (safeguarding, high severity, 20 Nov 2026).", reason.Text);
        Assert.Contains($"whistleblowing-case/{caseRef}", reason.SourceRefs);
    }

    [Fact]
    public void Soft_intelligence_is_capped()
    {
        var entries = new List<TimelineEntry>();
        for (var i = 0; i < 5; i++) entries.Add(T.NoticeIssued(Urn, T.Id(), T.Now));
        var p = _calc.Calculate(Urn, entries, T.Now);
        Assert.Equal(50, p.Priority);
        Assert.Contains(p.Reasons, r => r.Code == "soft.capped");
    }

    [Fact]
    public void The_same_inputs_give_the_same_answer()
    {
        var entries = new List<TimelineEntry> { T.Risk(Urn, 61, "High", T.Now.AddDays(-3)), T.Whistle(Urn, T.Now.AddDays(-20), "medium"), T.Complaint(Urn, T.Now.AddDays(-4)) };
        var a = _calc.Calculate(Urn, entries, T.Now);
        var b = _calc.Calculate(Urn, entries.AsEnumerable().Reverse().ToList(), T.Now);
        Assert.Equal(a.Priority, b.Priority);
        Assert.Equal(a.Reasons.Select(r => r.Text), b.Reasons.Select(r => r.Text));
    }

    [Fact]
    public void The_model_file_is_validated()
    {
        var ex = Assert.Throws<InvalidDataException>(() => PriorityModel.FromJson("""{ "version": "", "bands": [], "signals": {} }"""));
        Assert.Contains("version", ex.Message);
    }
}
