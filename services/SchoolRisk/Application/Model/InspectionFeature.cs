using EducationHub.Contracts.V1;
using EducationHub.SchoolRisk.Domain;

namespace EducationHub.SchoolRisk.Application.Model;

/// <summary>
/// The last full Ofsted judgement and how old it is. A long-standing Outstanding or Good judgement
/// is where an unrecognised decline hides (it has the furthest to fall and is inspected least
/// often); a school still judged Inadequate stays a concern until it is re-inspected.
/// </summary>
public sealed class InspectionFeature : IRiskFeature
{
    public IEnumerable<RiskReason> Evaluate(SchoolEvidence evidence, RiskModelSettings settings)
    {
        var weights = settings.Inspection;
        var last = evidence.LastInspection;
        if (last is null)
        {
            yield return new RiskReason("NO_INSPECTION",
                "No full Ofsted inspection on record for this school or its predecessors (usually a new school)",
                weights.NoInspectionPoints);
            yield break;
        }

        var severity = last.Grade.Severity();
        var when = Formats.Day(last.InspectedOn);
        var years = Formats.YearsBetween(last.InspectedOn, evidence.AsOf);
        var viaPredecessor = last.Urn != evidence.Urn ? $" (as predecessor URN {last.Urn})" : "";
        switch (severity)
        {
            case 1:
                yield return new RiskReason("LAST_JUDGEMENT_OUTSTANDING", $"Last full inspection judged {last.Grade.Label()} on {when}{viaPredecessor}", weights.LastGradePoints.Outstanding);
                break;
            case 2:
                yield return new RiskReason("LAST_JUDGEMENT_GOOD", $"Last full inspection judged {last.Grade.Label()} on {when}{viaPredecessor}", weights.LastGradePoints.Good);
                break;
            case 3:
                yield return new RiskReason("LAST_JUDGEMENT_REQUIRES_IMPROVEMENT", $"Last full inspection judged {last.Grade.Label()} on {when}{viaPredecessor}", weights.LastGradePoints.RequiresImprovement);
                break;
            case 4:
                yield return new RiskReason("INSPECTED_INADEQUATE",
                    $"Inspected {last.Grade.Label()} on {when}{viaPredecessor}, no full inspection since", weights.LastGradePoints.Inadequate);
                break;
        }

        if (severity is 1 or 2 && years > weights.StaleAfterYears)
        {
            var staleYears = Math.Min(years, weights.StaleCapYears) - weights.StaleAfterYears;
            yield return new RiskReason("JUDGEMENT_AGE",
                $"{last.Grade.Label()} judgement is {years} years old (no full inspection since {last.InspectedOn.Year}); older high judgements are likelier to fall",
                staleYears * weights.PointsPerStaleYear);
        }

        if (last.SafeguardingMet == false)
        {
            yield return new RiskReason("SAFEGUARDING_NOT_MET", $"Safeguarding judged not met at the inspection on {when}", weights.SafeguardingNotMetPoints);
        }
    }
}
