using EducationHub.Grpc;
using EducationHub.Messaging.Outbox;
using EducationHub.SchoolRisk;
using EducationHub.SchoolRisk.Application.Import;
using EducationHub.SchoolRisk.Application.Model;
using EducationHub.SchoolRisk.Application.Signals;
using EducationHub.SchoolRisk.Grpc;
using EducationHub.SchoolRisk.Infrastructure;
using EducationHub.ServiceDefaults.Auth;
using EducationHub.ServiceDefaults.Persistence;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

// In the hosting namespace so Program.cs (and AllInOne) find AddSchoolRisk/MapSchoolRisk without a using.
namespace Microsoft.AspNetCore.Builder;

/// <summary>The SchoolRisk module: register, indicators, partner signals, the risk model and its gRPC API.</summary>
public static class SchoolRiskModule
{
    public const string ServiceName = "schoolrisk";

    public static WebApplicationBuilder AddSchoolRisk(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<SchoolRiskOptions>().BindConfiguration(SchoolRiskOptions.Section);
        builder.AddServiceDatabase<SchoolRiskDbContext>(ServiceName);
        builder.Services.AddOutbox<SchoolRiskDbContext>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(sp =>
        {
            var file = sp.GetRequiredService<IOptions<SchoolRiskOptions>>().Value.ModelFile;
            return new RiskModel(string.IsNullOrWhiteSpace(file) ? RiskModelSettings.Default : RiskModelSettings.Load(file),
                sp.GetService<OrganisationNames>());
        });
        builder.Services.AddSingleton<LondonCalendar>();
        builder.Services.AddScoped<EvidenceLoader>();
        builder.Services.AddScoped<RiskAssessor>();
        builder.Services.AddScoped<SchoolRegisterImporter>();
        builder.Services.AddScoped<IndicatorImporter>();
        builder.Services.AddScoped<ImportService>();
        builder.Services.AddScoped<OpenDataFolderImporter>();
        builder.Services.AddScoped<SignalService>();
        return builder;
    }

    public static WebApplication MapSchoolRisk(this WebApplication app)
    {
        app.MapGrpcService<SchoolRiskApi>();
        return app;
    }
}
