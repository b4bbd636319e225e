namespace EducationHub.ServiceDefaults.Persistence;

/// <summary>Configuration section <c>Persistence</c>.</summary>
public sealed class PersistenceOptions
{
    public const string Section = "Persistence";

    /// <summary>Where SQLite files go when a service has no connection string.</summary>
    public string DataDirectory { get; set; } = "./data";

    /// <summary>How long a SQLite writer waits for the lock before failing.</summary>
    public int SqliteBusyTimeoutMs { get; set; } = 10_000;

    /// <summary>Apply migrations at start-up (the default). Off only for hosts that migrate out of band.</summary>
    public bool MigrateOnStartup { get; set; } = true;

    /// <summary>
    /// Most writes one transaction saves when calls that use <see cref="WriteGroupCommit{TContext}"/>
    /// arrive faster than they commit. 1 saves every write in its own transaction.
    /// </summary>
    public int WriteGroupCommitMaxBatch { get; set; } = 64;
}
