using EducationHub.SchoolRisk.Application.Import;
using EducationHub.SchoolRisk.Application.Model;
using EducationHub.SchoolRisk.Application.Signals;
using EducationHub.SchoolRisk.Domain;
using EducationHub.ServiceDefaults.Auth;

namespace EducationHub.AllInOne.Demo;

/// <summary>The demo's SchoolRisk work: the register, the open-data imports, assessments and partner signals.</summary>
internal static class DemoSchoolRiskSteps
{
    public const string Organisation = "council";

    public static Func<IServiceProvider, CancellationToken, Task> Register(IReadOnlyList<DemoSchool> schools, DateOnly openedBefore) => async (sp, ct) =>
    {
        var records = schools.Select(s => new SchoolRecord(s.Urn, s.Name, DemoNames.LaCode, DemoNames.LaName, s.Type,
            s.Type.StartsWith("Academy", StringComparison.Ordinal) || s.Type == "Free schools" ? "Academies" : "Local authority maintained schools",
            s.Phase, SchoolStatus.Open, openedBefore.AddYears(-20 - s.Urn % 30), null, s.Trust, null, "Westmarch", null,
            s.Phase == "Secondary" ? 900 + s.Urn % 600 : 180 + s.Urn % 300, "West Midlands", "demo"));
        await sp.GetRequiredService<SchoolRegisterImporter>().ImportRecordsAsync(records, "westmarch-demo-register", ct);
    };

    /// <summary>Imports what became public since the last import, then assesses the authority as of that day.</summary>
    public static Func<IServiceProvider, CancellationToken, Task> ImportAndAssess(DemoIndicators indicators, DateOnly? after, DateOnly upTo) => async (sp, ct) =>
    {
        foreach (var (file, content) in indicators.Published(after, upTo))
        {
            using var scope = sp.CreateScope(); // each import is its own unit of work, as an upload would be
            await scope.ServiceProvider.GetRequiredService<ImportService>().ImportBytesAsync(ImportKind.Indicators, content, file,
                ImportScope.ForLocalAuthorities([DemoNames.LaCode]), Organisation, "demo-data-team", ct);
        }
        await sp.GetRequiredService<RiskAssessor>().AssessAllAsync(upTo, DemoNames.LaCode, ct);
    };

    public static Func<IServiceProvider, CancellationToken, Task> Signal(int urn, SignalKind kind, ConcernLevel level, DateOnly observedOn,
        string organisation, string summary, string? outcome = null) => (sp, ct) =>
        sp.GetRequiredService<SignalService>().SubmitAsync(new SignalDraft(urn, kind, level, observedOn, summary, outcome, "Demo author"),
            new CallerIdentity(organisation, "demo", new HashSet<string>(StringComparer.Ordinal)), ct);
}
