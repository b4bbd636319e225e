using EducationHub.Contracts.V1;

namespace EducationHub.SchoolRisk.Application.Model;

/// <summary>One explainable part of the model: looks at a school's evidence and returns the reasons (with points) it finds.</summary>
public interface IRiskFeature
{
    IEnumerable<RiskReason> Evaluate(SchoolEvidence evidence, RiskModelSettings settings);
}
