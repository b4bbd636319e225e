using EducationHub.Complaints;
using EducationHub.Governance;
using EducationHub.Hub;
using EducationHub.SchoolRisk;
using EducationHub.Whistleblowing;
using Microsoft.AspNetCore.Builder;

namespace EducationHub.Deploy.Tests;

/// <summary>Each Kubernetes Deployment and the module its container runs.</summary>
internal static class ServiceModules
{
    public static readonly IReadOnlyDictionary<string, Action<WebApplicationBuilder>> ByDeployment = new Dictionary<string, Action<WebApplicationBuilder>>
    {
        ["schoolrisk"] = b => b.AddSchoolRisk(),
        ["governance"] = b => b.AddGovernance(),
        ["whistleblowing"] = b => b.AddWhistleblowing(),
        ["complaints"] = b => b.AddComplaints(),
        ["hub"] = b => b.AddHub(),
    };

    /// <summary>Deployment name → the service folder holding its project and Dockerfile.</summary>
    public static readonly IReadOnlyDictionary<string, string> Folders = new Dictionary<string, string>
    {
        ["schoolrisk"] = "SchoolRisk",
        ["governance"] = "Governance",
        ["whistleblowing"] = "Whistleblowing",
        ["complaints"] = "Complaints",
        ["hub"] = "Hub",
        ["portal"] = "WhistleblowingPortal",
    };
}
