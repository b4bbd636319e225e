using EducationHub.Calendar;
using EducationHub.Complaints.Application;
using EducationHub.Complaints.Domain;
using EducationHub.Complaints.Grpc;
using EducationHub.Complaints.Infrastructure;
using EducationHub.Grpc;
using EducationHub.Messaging;
using EducationHub.Messaging.Outbox;
using EducationHub.ServiceDefaults.Persistence;

namespace EducationHub.Complaints;

/// <summary>The Complaints service as a module: hosted alone (Program.cs) or in the all-in-one process.</summary>
public static class ComplaintsModule
{
    public const string ServiceName = "complaints";

    public static WebApplicationBuilder AddComplaints(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<ComplaintsOptions>(builder.Configuration.GetSection(ComplaintsOptions.SectionName));
        builder.Services.AddEnglandAndWalesCalendar(builder.Configuration);
        builder.AddServiceDatabase<ComplaintsDbContext>(ServiceName, ComplaintsDbContext.LoadStagesInOneQuery);
        builder.Services.AddOutbox<ComplaintsDbContext>();
        builder.Services.AddSingleton<ISchoolDayCalendar, SchoolDayCalendar>();
        builder.Services.AddScoped<ComplaintIntake>();
        builder.Services.AddScoped<ComplaintCommands>();
        builder.Services.AddScoped<ComplaintQueries>();
        builder.Services.AddScoped<ComplaintSweeps>();
        builder.Services.AddHostedService<ComplaintSweepService>();
        return builder;
    }

    public static WebApplication MapComplaints(this WebApplication app)
    {
        app.MapGrpcService<ComplaintsApi>();
        return app;
    }
}
