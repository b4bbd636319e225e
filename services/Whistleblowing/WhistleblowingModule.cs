using EducationHub.Grpc;
using EducationHub.Messaging.Outbox;
using EducationHub.ServiceDefaults.Persistence;
using EducationHub.Whistleblowing.Application;
using EducationHub.Whistleblowing.Crypto;
using EducationHub.Whistleblowing.Grpc;
using EducationHub.Whistleblowing.Infrastructure;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EducationHub.Whistleblowing;

public static class WhistleblowingModule
{
    /// <summary>Database "whistleblowing" (ConnectionStrings:whistleblowing), outbox, keys, application services.</summary>
    public static WebApplicationBuilder AddWhistleblowing(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(WhistleblowingOptions.Section).Get<WhistleblowingOptions>() ?? new WhistleblowingOptions();
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(options.Attachments);
        builder.Services.AddSingleton<AttachmentPolicy>();
        builder.Services.AddSingleton(_ =>
        {
            var (keys, pepper, _) = KeyMaterial.Load(options);
            return new CaseCrypto(keys, new ReceiptHasher(pepper, options.Receipt.Iterations));
        });
        builder.Services.TryAddSingleton<WhistleblowingClock>();

        builder.AddServiceDatabase<WhistleblowingDbContext>("whistleblowing");
        builder.Services.AddOutbox<WhistleblowingDbContext>();

        builder.Services.AddScoped<ConversationReader>();
        builder.Services.AddScoped<IdempotencyGuard>();
        builder.Services.AddScoped<IntakeService>();
        builder.Services.AddScoped<CaseHandlingService>();
        builder.Services.AddScoped<IdentityCustodyService>();
        builder.Services.AddScoped<MaintenanceService>();
        builder.Services.AddScoped<KeyRotationService>();
        builder.Services.AddScoped<ReceiptHashingService>();
        builder.Services.AddSingleton<ReceiptHashingQueue>();
        if (options.RunMaintenanceInBackground)
        {
            builder.Services.AddHostedService<MaintenanceWorker>();
        }

        if (options.Receipt.HashInBackground)
        {
            builder.Services.AddHostedService<ReceiptHashingWorker>();
        }

        return builder;
    }

    public static WebApplication MapWhistleblowing(this WebApplication app)
    {
        app.MapGrpcService<IntakeApi>();
        app.MapGrpcService<CasesApi>();
        return app;
    }
}
