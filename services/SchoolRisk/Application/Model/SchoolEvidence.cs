using EducationHub.SchoolRisk.Domain;

namespace EducationHub.SchoolRisk.Application.Model;

/// <summary>
/// What was public about one school on one date, across its lineage of URNs. Lists are newest
/// first. The model sees only this, which is what makes "as of" assessments honest.
/// </summary>
public sealed record SchoolEvidence(
    int Urn,
    DateOnly AsOf,
    IReadOnlyList<int> Lineage,
    IReadOnlyList<Inspection> Inspections,
    IReadOnlyList<Ks2Result> Ks2,
    IReadOnlyList<Ks4Result> Ks4,
    IReadOnlyList<FinanceReturn> Finance,
    IReadOnlyList<PartnerSignal> Signals)
{
    public Inspection? LastInspection => Inspections.Count > 0 ? Inspections[0] : null;
}
