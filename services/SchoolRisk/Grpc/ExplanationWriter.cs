using System.Globalization;
using System.Text;
using EducationHub.SchoolRisk.Application.Model;
using EducationHub.SchoolRisk.Domain;

namespace EducationHub.SchoolRisk.Grpc;

/// <summary>The plain-English paragraph behind ExplainAssessment.</summary>
internal static class ExplanationWriter
{
    public static string Summary(RiskAssessment a, School school)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture,
            $"As of {a.AsOf.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}, {school.Name} (URN {school.Urn}) scores {a.Score} out of 100, band {a.Band.Label()}, under risk model {a.ModelVersion}. ");
        text.Append(CultureInfo.InvariantCulture, $"Every school starts at {a.BaseScore:0}");
        if (a.Reasons.Count == 0)
        {
            text.Append("; nothing in the data published by that date moved it.");
            return text.ToString();
        }
        text.Append(". ");
        foreach (var reason in a.Reasons)
        {
            text.Append(CultureInfo.InvariantCulture, $"{reason.Description}: {(reason.Contribution >= 0 ? "+" : "")}{reason.Contribution:0.#} points. ");
        }
        text.Append("Only data published by the as-of date was used (results and finance for year Y count from 15 December Y; inspections from their date).");
        return text.ToString();
    }
}
