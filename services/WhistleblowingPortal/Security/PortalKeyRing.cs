using System.Globalization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;

namespace EducationHub.WhistleblowingPortal.Security;

/// <summary>
/// The Data Protection keys behind the wb-form and wb-session cookies. With
/// Portal:DataProtection:KeyRingDirectory every replica reads one shared key ring (made by
/// <c>create-key-ring</c>, mounted read-only) under one application name, and never generates keys
/// itself. Without it each process keeps its own keys, as ASP.NET Core does by default.
/// </summary>
public static class PortalKeyRing
{
    /// <summary>The same on every replica, whatever its path or host: Data Protection isolates applications by this name.</summary>
    public const string ApplicationName = "EducationHub.WhistleblowingPortal";

    /// <summary>
    /// Ten years. With key generation disabled, Data Protection does not use an expired key at all: once the newest
    /// key expires every form and session fails (SharedKeyRingTests checks this). The keys protect only cookies
    /// that live minutes to hours, so a long life costs little; rotate by adding a key (docs/whistleblowing.md).
    /// </summary>
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromDays(3650);

    /// <summary>
    /// A key added to an existing ring becomes active only after this, so every replica has read it (the Secret
    /// volume updates within minutes, Data Protection re-reads its key ring at least every 24 hours) before any
    /// replica protects a cookie with it.
    /// </summary>
    public static readonly TimeSpan RotationDelay = TimeSpan.FromDays(2);

    public const string Command = "create-key-ring";

    /// <summary>The portal's Data Protection: the shared ring when configured, ASP.NET Core's default otherwise; plus the start-up check.</summary>
    public static void AddPortalDataProtection(this IServiceCollection services, PortalDataProtectionOptions options)
    {
        services.AddHostedService<KeyRingCheck>();
        if (string.IsNullOrWhiteSpace(options.KeyRingDirectory))
        {
            return;
        }

        services.AddDataProtection()
            .PersistKeysToFileSystem(new DirectoryInfo(options.KeyRingDirectory))
            .SetApplicationName(ApplicationName)
            // The ring is made and rotated outside the portal (a read-only Secret in Kubernetes): replicas
            // generating keys of their own would each protect cookies with a key the others do not have.
            .DisableAutomaticKeyGeneration();
    }

    /// <summary>Adds a key to the key ring in <paramref name="directory"/> (created if missing) and returns it.</summary>
    public static IKey CreateKey(string directory, DateTimeOffset activation, TimeSpan lifetime)
    {
        var folder = Directory.CreateDirectory(directory);
        if (!OperatingSystem.IsWindows())
        {
            folder.UnixFileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
        }

        var services = new ServiceCollection();
        services.AddLogging();
        services.AddDataProtection().PersistKeysToFileSystem(folder).SetApplicationName(ApplicationName);
        using var provider = services.BuildServiceProvider();
        var key = provider.GetRequiredService<IKeyManager>().CreateNewKey(activation, activation + lifetime);
        if (!OperatingSystem.IsWindows())
        {
            // The key material is in plain XML: only its owner may read it (then only the Secret holds it).
            foreach (var file in folder.EnumerateFiles("*.xml"))
            {
                file.UnixFileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }
        }

        return key;
    }

    /// <summary><c>create-key-ring &lt;directory&gt; [--lifetime-days N] [--activate-in-days N]</c>; returns the exit code.</summary>
    public static int Run(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        string? directory = null;
        int? lifetimeDays = null, activateInDays = null;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--lifetime-days" when i + 1 < args.Count && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var days) && days >= 1:
                    lifetimeDays = days;
                    i++;
                    break;
                case "--activate-in-days" when i + 1 < args.Count && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var delay) && delay >= 0:
                    activateInDays = delay;
                    i++;
                    break;
                case var arg when directory is null && !arg.StartsWith('-'):
                    directory = arg;
                    break;
                default:
                    return Usage(error, $"unexpected argument '{args[i]}'");
            }
        }

        if (directory is null)
        {
            return Usage(error, "the key ring directory is missing");
        }

        var existing = Directory.Exists(directory) ? Directory.GetFiles(directory, "key-*.xml").Length : 0;
        var now = DateTimeOffset.UtcNow;
        var activation = now + (activateInDays is { } d ? TimeSpan.FromDays(d) : existing > 0 ? RotationDelay : TimeSpan.Zero);
        var key = CreateKey(directory, activation, lifetimeDays is { } l ? TimeSpan.FromDays(l) : DefaultLifetime);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Created key {key.KeyId} in {Path.GetFullPath(directory)}: active from {key.ActivationDate:u}, expires {key.ExpirationDate:u} ({existing} key(s) already there)."));
        output.WriteLine("The files hold key material in plain text. Put them into the portal's Secret and delete them:");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  kubectl -n educationhub create secret generic educationhub-portal-key-ring --from-file={directory} --dry-run=client -o yaml | kubectl apply -f -"));
        return 0;
    }

    private static int Usage(TextWriter error, string problem)
    {
        error.WriteLine($"{Command}: {problem}");
        error.WriteLine($"usage: dotnet EducationHub.WhistleblowingPortal.dll {Command} <directory> [--lifetime-days N] [--activate-in-days N]");
        error.WriteLine("  Adds a Data Protection key to the portal's shared key ring in <directory> (created if missing).");
        error.WriteLine($"  Defaults: lifetime {DefaultLifetime.TotalDays:0} days; active at once in an empty directory, after {RotationDelay.TotalDays:0} days when adding to an existing ring.");
        return 2;
    }
}

/// <summary>
/// At start-up, before the portal serves anything: a configured key ring must exist and protect a payload
/// (so a missing or placeholder Secret stops the pod instead of failing every form); an unconfigured one in
/// Production is logged as the warning it is.
/// </summary>
internal sealed class KeyRingCheck(IDataProtectionProvider protection, IServiceProvider services, PortalOptions options, IHostEnvironment environment, ILogger<PortalLog> logger) : IHostedService
{
    private static readonly TimeSpan ExpiryWarning = TimeSpan.FromDays(90);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var directory = options.DataProtection.KeyRingDirectory;
        if (string.IsNullOrWhiteSpace(directory))
        {
            if (environment.IsProduction())
            {
                PortalLog.NoSharedKeyRing(logger);
            }

            return Task.CompletedTask;
        }

        // Checked first: Data Protection would create a missing directory and then find no key in it.
        if (!Directory.Exists(directory))
        {
            throw Unusable(directory, "the directory does not exist");
        }

        IReadOnlyCollection<IKey> keys;
        try
        {
            keys = services.GetRequiredService<IKeyManager>().GetAllKeys();
        }
        catch (Exception e) when (e is InvalidOperationException or System.Xml.XmlException or IOException or UnauthorizedAccessException)
        {
            throw Unusable(directory, e.Message, e);
        }

        var expires = keys.Where(k => !k.IsRevoked).Select(k => k.ExpirationDate).DefaultIfEmpty(DateTimeOffset.MinValue).Max();
        if (keys.Count > 0 && expires <= DateTimeOffset.UtcNow)
        {
            throw Unusable(directory, string.Create(CultureInfo.InvariantCulture,
                $"its newest key expired on {expires:u}, and Data Protection neither uses an expired key nor may generate one here; add a key"));
        }

        try
        {
            var protector = protection.CreateProtector("EducationHub.WhistleblowingPortal.KeyRingCheck");
            protector.Unprotect(protector.Protect("ok"));
        }
        catch (Exception e) when (e is InvalidOperationException or System.Security.Cryptography.CryptographicException)
        {
            throw Unusable(directory, (e.InnerException ?? e).Message, e);
        }

        if (expires < DateTimeOffset.UtcNow + ExpiryWarning)
        {
            PortalLog.KeyRingExpiring(logger, expires);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static InvalidOperationException Unusable(string directory, string reason, Exception? inner = null) => new(
        $"Portal:DataProtection:KeyRingDirectory '{directory}' holds no usable key ring: {reason.TrimEnd('.')}. " +
        $"Create one with `dotnet EducationHub.WhistleblowingPortal.dll {PortalKeyRing.Command} <directory>` (docs/whistleblowing.md, \"Shared key ring\").", inner);
}
