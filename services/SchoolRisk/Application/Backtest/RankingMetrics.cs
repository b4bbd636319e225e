namespace EducationHub.SchoolRisk.Application.Backtest;

/// <summary>How well one scoring ranks the adverse outcomes first. Ties are handled fairly (no lucky tie-breaks).</summary>
public sealed record RankingMetrics(string Name, double Auc, double PrecisionTop5, double RecallTop5, double PrecisionTop10, double RecallTop10)
{
    public static RankingMetrics Compute(string name, IReadOnlyList<(double Score, bool Adverse)> cases)
    {
        var positives = cases.Count(c => c.Adverse);
        var (p5, r5) = AtTop(cases, 0.05, positives);
        var (p10, r10) = AtTop(cases, 0.10, positives);
        return new RankingMetrics(name, AreaUnderCurve(cases, positives), p5, r5, p10, r10);
    }

    /// <summary>Mann-Whitney AUC: the chance a random adverse case outscores a random other case (ties count half).</summary>
    public static double AreaUnderCurve(IReadOnlyList<(double Score, bool Adverse)> cases, int positives)
    {
        var negatives = cases.Count - positives;
        if (positives == 0 || negatives == 0)
        {
            return double.NaN;
        }
        double rankSum = 0;
        var ordered = cases.OrderBy(c => c.Score).ToList();
        for (var i = 0; i < ordered.Count;)
        {
            var j = i;
            while (j < ordered.Count && ordered[j].Score == ordered[i].Score)
            {
                j++;
            }
            var averageRank = (i + 1 + j) / 2.0;
            rankSum += averageRank * ordered.Skip(i).Take(j - i).Count(c => c.Adverse);
            i = j;
        }
        return (rankSum - positives * (positives + 1) / 2.0) / ((double)positives * negatives);
    }

    /// <summary>
    /// Precision and recall among the top <paramref name="fraction"/> of schools. When the cut
    /// falls inside a group of equal scores, that group counts pro rata (its expected share).
    /// </summary>
    public static (double Precision, double Recall) AtTop(IReadOnlyList<(double Score, bool Adverse)> cases, double fraction, int positives)
    {
        var take = (int)Math.Ceiling(cases.Count * fraction);
        if (take == 0 || positives == 0)
        {
            return (double.NaN, double.NaN);
        }
        double hits = 0;
        var remaining = take;
        foreach (var group in cases.GroupBy(c => c.Score).OrderByDescending(g => g.Key))
        {
            var size = group.Count();
            var adverse = group.Count(c => c.Adverse);
            if (size <= remaining)
            {
                hits += adverse;
                remaining -= size;
            }
            else
            {
                hits += adverse * (double)remaining / size;
                remaining = 0;
            }
            if (remaining == 0)
            {
                break;
            }
        }
        return (hits / take, hits / positives);
    }
}
