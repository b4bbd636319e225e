using EducationHub.Grpc;
using EducationHub.Hub.Application;
using EducationHub.Hub.Consumers;
using EducationHub.Hub.Dashboard;
using EducationHub.Hub.Domain;
using EducationHub.Hub.Domain.Priority;
using EducationHub.Hub.Domain.RiskList;
using EducationHub.Hub.Grpc;
using EducationHub.Hub.Infrastructure;
using EducationHub.Messaging;
using EducationHub.Messaging.Outbox;
using EducationHub.ServiceDefaults.Persistence;
using MassTransit;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EducationHub.Hub;

/// <summary>The hub module: timeline consumers, the monthly EIG list, decisions, gRPC API and dashboard.</summary>
public static class HubModule
{
    public static WebApplicationBuilder AddHub(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(HubOptions.Section).Get<HubOptions>() ?? new HubOptions();
        RefuseOpenDashboardOffLoopback(builder.Configuration, options);
        builder.Services.AddOptions<HubOptions>().BindConfiguration(HubOptions.Section);
        builder.Services.AddSingleton<HubDataVersion>();
        builder.AddServiceDatabase<HubDbContext>("hub", (services, db) => HubDbContext.AddHubInterceptors(db, services.GetRequiredService<HubDataVersion>()));
        builder.Services.AddHostedService<SharedDataVersionAnnouncer>();
        builder.Services.AddOutbox<HubDbContext>();

        var model = string.IsNullOrWhiteSpace(options.PriorityModelPath)
            ? PriorityModel.Default
            : PriorityModel.FromJson(File.ReadAllText(options.PriorityModelPath));
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(model);
        builder.Services.AddSingleton<PriorityCalculator>();
        builder.Services.AddSingleton<RiskListBuilder>();
        builder.Services.AddSingleton<DraftListCache>();
        builder.Services.AddScoped<HubReadModel>();
        builder.Services.AddScoped<RiskListService>();
        builder.Services.AddScoped<DecisionService>();
        builder.Services.AddScoped<SchoolProfileService>();
        builder.Services.AddScoped<ReadAudit>();
        builder.Services.AddScoped<TimelineIngestor>();

        AddConsumer<SchoolRegisteredConsumer>(builder.Services);
        AddConsumer<SchoolRiskAssessedConsumer>(builder.Services);
        AddConsumer<PartnerSignalSubmittedConsumer>(builder.Services);
        AddConsumer<GovernanceConcernRaisedConsumer>(builder.Services);
        AddConsumer<WarningNoticeIssuedConsumer>(builder.Services);
        AddConsumer<WarningNoticeCompliedConsumer>(builder.Services);
        AddConsumer<WarningNoticeDeadlinePassedConsumer>(builder.Services);
        AddConsumer<InterventionStartedConsumer>(builder.Services);
        AddConsumer<InterventionEndedConsumer>(builder.Services);
        AddConsumer<ComplaintReceivedConsumer>(builder.Services);
        AddConsumer<ComplaintEscalatedConsumer>(builder.Services);
        AddConsumer<ComplaintConcludedConsumer>(builder.Services);
        AddConsumer<ComplaintTimescaleBreachedConsumer>(builder.Services);
        AddConsumer<ComplaintCampaignDetectedConsumer>(builder.Services);
        AddConsumer<WhistleblowingConcernTriagedConsumer>(builder.Services);
        AddConsumer<WhistleblowingConcernConcludedConsumer>(builder.Services);
        AddConsumer<WhistleblowingClockDueConsumer>(builder.Services);
        return builder;
    }

    public static WebApplication MapHub(this WebApplication app)
    {
        app.MapGrpcService<HubApi>();
        app.MapHubDashboard();
        return app;
    }

    /// <summary>An unauthenticated dashboard is only acceptable on this machine: refuse to start otherwise.</summary>
    private static void RefuseOpenDashboardOffLoopback(IConfiguration configuration, HubOptions options)
    {
        if (!options.DashboardWithoutSignIn) return;
        var web = configuration["Hosting:WebUrl"];
        if (string.IsNullOrEmpty(web)) return;
        var host = Uri.TryCreate(web.Replace("*", "any", StringComparison.Ordinal).Replace("+", "any", StringComparison.Ordinal), UriKind.Absolute, out var uri) ? uri.Host : "";
        if (host is "127.0.0.1" or "localhost" or "[::1]" or "::1") return;
        throw new InvalidOperationException(
            $"Hub:DashboardWithoutSignIn is for the local one-machine run only, but the web endpoint is {web}. Bind it to 127.0.0.1 or turn the switch off (the dashboard then asks for a token).");
    }

    private static void AddConsumer<T>(IServiceCollection services) where T : class, IConsumer =>
        services.AddEventConsumer<T, EventConsumerDefinition<T>>();
}
