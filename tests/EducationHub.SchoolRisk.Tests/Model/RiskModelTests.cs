using EducationHub.SchoolRisk.Application.Model;
using EducationHub.SchoolRisk.Domain;
using EducationHub.ServiceDefaults.Auth;

namespace EducationHub.SchoolRisk.Tests.Model;

public sealed class RiskModelTests
{
    private static readonly DateOnly D = new(2016, 12, 31);
    private readonly RiskModel _model = new(RiskModelSettings.Default);

    private static EvidenceSet SchoolWithHistory()
    {
        var set = new EvidenceSet();
        set.Add(new Inspection { Urn = 100001, InspectedOn = new DateOnly(2009, 3, 1), Grade = OfstedGrade.Outstanding });
        set.Add(new Ks4Result { Urn = 100001, Year = 2016, PublishedOn = new DateOnly(2016, 12, 15), Progress8 = -0.9 });
        set.Add(Finance(2014, -5000));
        set.Add(Finance(2015, -20000));
        set.Add(Finance(2016, -80000));
        return set;
    }

    private static FinanceReturn Finance(int year, decimal balance) => new()
    {
        Urn = 100001, Year = year, PublishedOn = PublicationCalendar.AnnualReleaseFor(year), Income = 1_000_000m, Expenditure = 1_000_000m - balance, Balance = balance,
    };

    [Fact]
    public void Reasons_explain_the_score_in_plain_english_and_add_up()
    {
        var assessment = _model.Assess(SchoolWithHistory().For(100001, D));

        Assert.Equal("2026.1", assessment.ModelVersion);
        Assert.Contains(assessment.Reasons, r => r.Code == "KS4_PROGRESS_WELL_BELOW" && r.Description == "Progress 8 -0.90, well below average, 2016");
        Assert.Contains(assessment.Reasons, r => r.Code == "REVENUE_DEFICIT" && r.Description.StartsWith("Revenue deficit 3 consecutive years (2014-2016)", StringComparison.Ordinal));
        Assert.Contains(assessment.Reasons, r => r.Code == "JUDGEMENT_AGE" && r.Description.Contains("7 years old", StringComparison.Ordinal));
        var expected = Math.Clamp(assessment.BaseScore + assessment.Reasons.Sum(r => r.Contribution), 0, 100);
        Assert.Equal((int)Math.Round(expected), assessment.Score);
        Assert.Equal(RiskBand.VeryHigh, assessment.Band);
    }

    [Fact]
    public void The_same_evidence_always_gives_the_same_assessment()
    {
        var first = _model.Assess(SchoolWithHistory().For(100001, D));
        var second = new RiskModel(RiskModelSettings.Default).Assess(SchoolWithHistory().For(100001, D));

        Assert.Equal(first.Score, second.Score);
        Assert.Equal(first.Reasons, second.Reasons);
    }

    [Fact]
    public void Results_published_after_the_as_of_date_never_change_the_score()
    {
        var before = _model.Assess(SchoolWithHistory().For(100001, D));

        var later = SchoolWithHistory();
        // 2017 results (published 15 Dec 2017), an inspection in 2017, and a deficit for 2017.
        later.Add(new Ks4Result { Urn = 100001, Year = 2017, PublishedOn = new DateOnly(2017, 12, 15), Progress8 = 0.8 });
        later.Add(new Inspection { Urn = 100001, InspectedOn = new DateOnly(2017, 2, 1), Grade = OfstedGrade.Inadequate });
        later.Add(Finance(2017, -300000));
        var after = _model.Assess(later.For(100001, D));

        Assert.Equal(before.Score, after.Score);
        Assert.Equal(before.Reasons, after.Reasons);
        // ... and they do count once published.
        Assert.NotEqual(before.Score, _model.Assess(later.For(100001, new DateOnly(2017, 12, 31))).Score);
    }

    [Fact]
    public void Year_y_results_are_invisible_until_15_december_of_y()
    {
        var set = new EvidenceSet();
        set.Add(new Ks4Result { Urn = 100002, Year = 2016, PublishedOn = PublicationCalendar.AnnualReleaseFor(2016), Progress8 = -1.2 });

        Assert.DoesNotContain(_model.Assess(set.For(100002, new DateOnly(2016, 12, 14))).Reasons, r => r.Code == "KS4_PROGRESS_WELL_BELOW");
        Assert.Contains(_model.Assess(set.For(100002, new DateOnly(2016, 12, 15))).Reasons, r => r.Code == "KS4_PROGRESS_WELL_BELOW");
    }

    [Fact]
    public void History_follows_the_school_across_a_new_urn()
    {
        var set = new EvidenceSet();
        set.Add(new Inspection { Urn = 100003, InspectedOn = new DateOnly(2010, 5, 5), Grade = OfstedGrade.Good });
        set.AddLink(new SchoolLink { Urn = 140000, LinkedUrn = 100003, LinkType = "Predecessor" });

        var assessment = _model.Assess(set.For(140000, D));

        Assert.Contains(assessment.Reasons, r => r.Code == "LAST_JUDGEMENT_GOOD" && r.Description.Contains("predecessor URN 100003", StringComparison.Ordinal));
        Assert.DoesNotContain(assessment.Reasons, r => r.Code == "NO_INSPECTION");
    }

    [Fact]
    public void A_signal_counts_from_when_it_was_recorded_and_a_later_correction_does_not_rewrite_the_past()
    {
        var set = new EvidenceSet();
        var original = PartnerSignal.Record(Guid.NewGuid(), 100004, SignalKind.SafeguardingAudit, ConcernLevel.High, new DateOnly(2016, 11, 1),
            "Single central record incomplete", "not met", "birmingham-city-council", "A. Adviser", new DateTimeOffset(2016, 11, 2, 10, 0, 0, TimeSpan.Zero));
        var correction = original.CorrectWith(Guid.NewGuid(), ConcernLevel.Low, new DateOnly(2016, 11, 1), "Records found complete on re-check", "met",
            "birmingham-city-council", "A. Adviser", "wrong school folder checked", new DateTimeOffset(2017, 1, 10, 9, 0, 0, TimeSpan.Zero));
        set.Add(original);
        set.Add(correction);

        var atD = _model.Assess(set.For(100004, D));
        var afterCorrection = _model.Assess(set.For(100004, new DateOnly(2017, 1, 31)));
        var beforeRecorded = _model.Assess(set.For(100004, new DateOnly(2016, 11, 1)));

        Assert.Contains(atD.Reasons, r => r.Code == "PARTNER_SAFEGUARDING_S175_AUDIT" && r.Contribution == 25);
        Assert.DoesNotContain(afterCorrection.Reasons, r => r.Code.StartsWith("PARTNER_", StringComparison.Ordinal));
        Assert.DoesNotContain(beforeRecorded.Reasons, r => r.Code.StartsWith("PARTNER_", StringComparison.Ordinal));
    }

    /// <summary>
    /// Signals stored before the API accepted only canonical outcomes may be spelt loosely: they score as the adverse
    /// finding they report, as a new "not met" does; a favourable or unknown outcome adds nothing.
    /// </summary>
    [Theory]
    [InlineData("Not met.", 25)]
    [InlineData("  NOT   met ", 25)]
    [InlineData("not taking  effective action!", 25)]
    [InlineData("met", 15)]
    [InlineData("not quite met", 15)]
    public void A_stored_outcome_counts_as_adverse_however_it_was_spelt(string outcome, double contribution)
    {
        var set = new EvidenceSet();
        set.Add(PartnerSignal.Record(Guid.NewGuid(), 100006, SignalKind.SafeguardingAudit, ConcernLevel.High, new DateOnly(2016, 11, 1),
            "Single central record incomplete", outcome, "ofsted", "A. Inspector", new DateTimeOffset(2016, 11, 2, 10, 0, 0, TimeSpan.Zero)));

        var reason = Assert.Single(_model.Assess(set.For(100006, D)).Reasons, r => r.Code == "PARTNER_SAFEGUARDING_S175_AUDIT");

        Assert.Equal(contribution, reason.Contribution);
    }

    [Fact]
    public void A_partner_reason_names_the_organisation_by_its_display_name_and_scores_the_same()
    {
        var set = new EvidenceSet();
        set.Add(PartnerSignal.Record(Guid.NewGuid(), 100005, SignalKind.SafeguardingAudit, ConcernLevel.High, new DateOnly(2016, 11, 1),
            "Single central record incomplete", "not met", "ofsted", "A. Inspector", new DateTimeOffset(2016, 11, 2, 10, 0, 0, TimeSpan.Zero)));
        var names = new OrganisationNames(new Dictionary<string, string> { ["ofsted"] = "Ofsted" });

        var named = new RiskModel(RiskModelSettings.Default, names).Assess(set.For(100005, D));
        var unnamed = _model.Assess(set.For(100005, D));

        var reason = Assert.Single(named.Reasons, r => r.Code == "PARTNER_SAFEGUARDING_S175_AUDIT");
        Assert.Contains(" reported by Ofsted: high concern", reason.Description, StringComparison.Ordinal);
        Assert.Contains(unnamed.Reasons, r => r.Description.Contains(" reported by ofsted: ", StringComparison.Ordinal));
        Assert.Equal(unnamed.Score, named.Score);
    }

    [Fact]
    public void Settings_can_be_overridden_from_a_file_and_the_version_is_stamped()
    {
        var path = Path.GetTempFileName();
        try
        {
            using (var embedded = typeof(RiskModelSettings).Assembly.GetManifestResourceStream("EducationHub.SchoolRisk.risk-model.v1.json")!)
            using (var reader = new StreamReader(embedded))
            {
                File.WriteAllText(path, reader.ReadToEnd().Replace("\"version\": \"2026.1\"", "\"version\": \"council-test-1\"", StringComparison.Ordinal)
                    .Replace("\"baseScore\": 10", "\"baseScore\": 40", StringComparison.Ordinal));
            }
            var custom = new RiskModel(RiskModelSettings.Load(path));
            var assessment = custom.Assess(new EvidenceSet().For(100005, D));

            Assert.Equal("council-test-1", assessment.ModelVersion);
            Assert.Equal(30, assessment.Score); // 40 base, -10 for no inspection on record
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Material_change_means_band_change_or_a_big_score_move()
    {
        var assessment = _model.Assess(SchoolWithHistory().For(100001, D));
        var same = new StoredAssessment { Urn = 100001, Score = assessment.Score - 3, Band = assessment.Band, ModelVersion = assessment.ModelVersion };
        var moved = new StoredAssessment { Urn = 100001, Score = assessment.Score - 12, Band = assessment.Band, ModelVersion = assessment.ModelVersion };

        Assert.False(assessment.DiffersMateriallyFrom(same, 10));
        Assert.True(assessment.DiffersMateriallyFrom(moved, 10));
        Assert.True(assessment.DiffersMateriallyFrom(null, 10));
    }
}
