using EducationHub.SchoolRisk.Application.Model;
using EducationHub.SchoolRisk.Domain;

namespace EducationHub.SchoolRisk.Application.Backtest;

/// <summary>
/// Scores every school as of D using only what was public then, and compares against each
/// school's first full inspection after D (within the outcome window): adverse = Inadequate, or
/// worse than the previous judgement (followed across predecessor URNs). The two baselines
/// (previous grade alone, seeded random) are computed from the same cases in the same run.
/// </summary>
public sealed class BacktestRunner(RiskModel model)
{
    public const int DefaultRandomSeed = 20161231;

    public BacktestResult Run(OpenDataSet data, DateOnly asOf, DateOnly? outcomeUntil = null, int randomSeed = DefaultRandomSeed)
    {
        var until = outcomeUntil ?? asOf.AddYears(1);
        var evidence = data.Evidence;
        var urns = data.RegisterUrns.Distinct().Order().ToList();
        var random = new Random(randomSeed);
        var cases = new List<BacktestCase>();
        foreach (var urn in urns)
        {
            var next = evidence.InspectionsOf(urn)
                .Where(i => i.InspectedOn > asOf && i.InspectedOn <= until)
                .OrderBy(i => i.InspectedOn)
                .FirstOrDefault();
            var randomScore = random.NextDouble(); // drawn for every school so the sequence does not depend on outcomes
            if (next is null)
            {
                continue;
            }
            var schoolEvidence = evidence.For(urn, asOf);
            var assessment = model.Assess(schoolEvidence);
            var previous = schoolEvidence.LastInspection;
            var severity = next.Grade.Severity();
            var adverse = severity == 4 || (previous is not null && severity > previous.Grade.Severity());
            cases.Add(new BacktestCase(urn, adverse, assessment.Score, previous?.Grade.Severity() ?? 0, randomScore, assessment.Band.Label()));
        }

        var rankings = new[]
        {
            RankingMetrics.Compute($"Risk model {model.Version}", [.. cases.Select(c => (c.ModelScore, c.Adverse))]),
            RankingMetrics.Compute("Baseline: previous Ofsted grade (worse = riskier)", [.. cases.Select(c => (c.PreviousGradeScore, c.Adverse))]),
            RankingMetrics.Compute($"Baseline: random (seed {randomSeed})", [.. cases.Select(c => (c.RandomScore, c.Adverse))]),
        };
        var calibration = Enum.GetValues<RiskBand>()
            .Select(band => Calibrate(band.Label(), [.. cases.Where(c => c.Band == band.Label())]))
            .ToList();
        return new BacktestResult(asOf, until, model.Version, urns.Count, cases.Count, cases.Count(c => c.Adverse), rankings, calibration, randomSeed);
    }

    private static BandCalibration Calibrate(string band, List<BacktestCase> inBand) =>
        new(band, inBand.Count, inBand.Count == 0 ? 0 : inBand.Average(c => c.ModelScore), inBand.Count(c => c.Adverse));
}
