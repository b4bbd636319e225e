using System.Globalization;

namespace EducationHub.AllInOne.Demo;

/// <summary>Demo data, the real-data option and the start-up banner for the one-command run.</summary>
public static class DemoModule
{
    /// <summary>
    /// Reads <c>--data PATH</c>, <c>--la 330[,331|all]</c> and <c>--as-of yyyy-mm-dd</c> (plain
    /// switches, as the issue spells them) on top of the <c>Demo</c> configuration section.
    /// </summary>
    public static WebApplicationBuilder AddDemo(this WebApplicationBuilder builder, string[] args)
    {
        builder.Services.AddOptions<DemoOptions>().BindConfiguration(DemoOptions.Section);
        var data = Switch(args, "--data");
        var la = Switch(args, "--la");
        var asOf = Switch(args, "--as-of");
        builder.Services.PostConfigure<DemoOptions>(o =>
        {
            if (data is not null) o.OpenDataPath = data;
            if (la is not null) o.LocalAuthorityCodes = la;
            if (asOf is not null) o.AsOf = DateOnly.ParseExact(asOf, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        });
        builder.Services.AddSingleton<DemoSeeder>();
        builder.Services.AddSingleton<OpenDataLoader>();
        builder.Services.AddHostedService<DemoStartup>();
        return builder;
    }

    private static string? Switch(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}

public sealed class DemoOptions
{
    public const string Section = "Demo";

    /// <summary>Load the synthetic authority on first run (when SchoolRisk has no schools yet).</summary>
    public bool Seed { get; set; } = true;

    /// <summary>Print the addresses and the top of the list when started.</summary>
    public bool Banner { get; set; } = true;

    /// <summary>Set by <c>--data PATH</c>: import real open data instead of the synthetic authority.</summary>
    public string? OpenDataPath { get; set; }

    /// <summary>Set by <c>--la</c>: comma-separated LA codes to import, or <c>all</c>. Birmingham (330) by default, so a first run stays quick.</summary>
    public string LocalAuthorityCodes { get; set; } = "330";

    /// <summary>Set by <c>--as-of</c>: the date real data is assessed at; by default the newest inspection in it.</summary>
    public DateOnly? AsOf { get; set; }

    public IReadOnlyList<string> LocalAuthorities =>
        string.Equals(LocalAuthorityCodes.Trim(), "all", StringComparison.OrdinalIgnoreCase)
            ? []
            : [.. LocalAuthorityCodes.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}
