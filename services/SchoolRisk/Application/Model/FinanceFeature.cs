using EducationHub.Contracts.V1;

namespace EducationHub.SchoolRisk.Application.Model;

/// <summary>Revenue deficits: how many consecutive published years end in deficit, and whether the latest is large.</summary>
public sealed class FinanceFeature : IRiskFeature
{
    public IEnumerable<RiskReason> Evaluate(SchoolEvidence evidence, RiskModelSettings settings)
    {
        var weights = settings.Finance;
        var returns = evidence.Finance
            .GroupBy(f => f.Year).Select(g => g.First()) // one return per year (nearest URN first)
            .OrderByDescending(f => f.Year)
            .ToList();
        var latest = returns.FirstOrDefault();
        if (latest is null || evidence.AsOf.Year - latest.Year > weights.MaxAgeYears || latest.Balance >= 0)
        {
            yield break;
        }
        var run = 0;
        var expectedYear = latest.Year;
        foreach (var year in returns)
        {
            if (year.Year != expectedYear || year.Balance >= 0)
            {
                break;
            }
            run++;
            expectedYear--;
        }
        var counted = Math.Min(run, weights.MaxDeficitYears);
        var span = run == 1 ? $"{latest.Year}" : $"{latest.Year - run + 1}-{latest.Year}";
        yield return new RiskReason("REVENUE_DEFICIT",
            $"Revenue deficit {run} consecutive year{(run == 1 ? "" : "s")} ({span}); latest balance {Formats.Pounds(latest.Balance)}",
            counted * weights.PointsPerDeficitYear);

        if (latest.Income > 0)
        {
            var share = (double)(-latest.Balance / latest.Income);
            if (share >= weights.LargeDeficitShareOfIncome)
            {
                yield return new RiskReason("LARGE_DEFICIT",
                    $"Deficit is {Formats.Percent(share)} of annual income ({latest.Year})", weights.LargeDeficitPoints);
            }
        }
    }
}
