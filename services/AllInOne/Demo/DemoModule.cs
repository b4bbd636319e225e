namespace EducationHub.AllInOne.Demo;

/// <summary>Demo data and the start-up banner for the one-command run.</summary>
public static class DemoModule
{
    public static WebApplicationBuilder AddDemo(this WebApplicationBuilder builder, string[] args)
    {
        builder.Services.AddOptions<DemoOptions>().BindConfiguration(DemoOptions.Section);
        var dataIndex = Array.IndexOf(args, "--data");
        if (dataIndex >= 0 && dataIndex + 1 < args.Length)
            builder.Services.PostConfigure<DemoOptions>(o => o.OpenDataPath = args[dataIndex + 1]);
        builder.Services.AddHostedService<DemoStartup>();
        return builder;
    }
}

public sealed class DemoOptions
{
    public const string Section = "Demo";

    /// <summary>Load the synthetic authority on first run (when the hub has no schools yet).</summary>
    public bool Seed { get; set; } = true;

    /// <summary>Print the addresses and the top of the list when started.</summary>
    public bool Banner { get; set; } = true;

    /// <summary>Set by <c>--data PATH</c>: real open data instead of the synthetic authority.</summary>
    public string? OpenDataPath { get; set; }
}
