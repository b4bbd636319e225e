namespace EducationHub.ServiceDefaults.Telemetry;

/// <summary>
/// ActivitySource and Meter names exported. Our own libraries name theirs "EducationHub.*"
/// (EducationHub.Grpc, EducationHub.Outbox, ...), so a new building block is covered without a change here.
/// </summary>
public static class TelemetrySources
{
    public static readonly string[] ActivitySources =
    [
        "Microsoft.AspNetCore",
        "System.Net.Http",
        "MassTransit",
        "EducationHub.*",
    ];

    public static readonly string[] Meters =
    [
        "Microsoft.AspNetCore.Hosting",
        "Microsoft.AspNetCore.Server.Kestrel",
        "Microsoft.AspNetCore.Routing",
        "System.Net.Http",
        "System.Runtime",
        "MassTransit",
        "EducationHub.*",
    ];
}
