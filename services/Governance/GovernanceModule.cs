using EducationHub.Calendar;
using EducationHub.Governance.Application;
using EducationHub.Governance.Grpc;
using EducationHub.Governance.Infrastructure;
using EducationHub.Grpc;
using EducationHub.Messaging.Outbox;
using EducationHub.ServiceDefaults.Persistence;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EducationHub.Governance;

/// <summary>The Governance module: governing bodies, warning notices and interventions (docs/governance.md).</summary>
public static class GovernanceModule
{
    /// <summary>The database / connection-string name (<c>ConnectionStrings:governance</c>).</summary>
    public const string DatabaseName = "governance";

    public static WebApplicationBuilder AddGovernance(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<GovernanceOptions>().BindConfiguration(GovernanceOptions.Section)
            .Validate(o => o.ComplianceDays is >= 1 and <= Domain.Notices.NoticeRules.MaxComplianceWorkingDays, "Governance:ComplianceDays must be 1-100")
            .Validate(o => o.MaxDocumentBytes is > 0 and <= 3 * 1024 * 1024, "Governance:MaxDocumentBytes must be 1 byte to 3 MiB (the gRPC message limit is 4 MiB)")
            .Validate(o => o.DeadlineScanInterval > TimeSpan.Zero, "Governance:DeadlineScanInterval must be positive")
            .ValidateOnStart();

        // The calendar registers the system IClock only if none is registered (tests bring a fake one).
        builder.Services.AddEnglandAndWalesCalendar(builder.Configuration);

        builder.AddServiceDatabase<GovernanceDbContext>(DatabaseName);
        builder.Services.AddOutbox<GovernanceDbContext>();

        builder.Services.AddScoped<NoticeService>();
        builder.Services.AddScoped<InterventionService>();
        builder.Services.AddScoped<GoverningBodyService>();
        builder.Services.AddScoped<GovernanceRecordsService>();
        builder.Services.AddScoped<DeadlineMonitor>();
        builder.Services.AddHostedService<DeadlineScheduler>();

        AddValidators(builder.Services);
        builder.Services.AddGrpcInterceptor<GovernanceErrorInterceptor>();
        return builder;
    }

    public static WebApplication MapGovernance(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGrpcService<GovernanceApi>();
        return app;
    }

    private static void AddValidators(IServiceCollection services)
    {
        var validators = typeof(GovernanceModule).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && t.Namespace == typeof(Grpc.Validation.DraftNoticeValidator).Namespace);
        foreach (var type in validators)
        {
            foreach (var contract in type.GetInterfaces().Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IRequestValidator<>)))
            {
                services.TryAddEnumerable(ServiceDescriptor.Singleton(contract, type));
            }
        }
    }
}
