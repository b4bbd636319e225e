using EducationHub.ServiceDefaults.Persistence;
using EducationHub.Whistleblowing.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace EducationHub.Whistleblowing.Infrastructure;

/// <summary>The whistleblowing service's own database: cases (ciphertext + metadata), messages, files, custody, idempotency records, audit.</summary>
public sealed class WhistleblowingDbContext(DbContextOptions<WhistleblowingDbContext> options) : ServiceDbContext(options)
{
    public DbSet<WhistleblowingCase> Cases => Set<WhistleblowingCase>();
    public DbSet<CaseMessage> Messages => Set<CaseMessage>();
    public DbSet<CaseAttachment> Attachments => Set<CaseAttachment>();
    public DbSet<IdentityDisclosureRequest> IdentityRequests => Set<IdentityDisclosureRequest>();
    public DbSet<ReporterSession> ReporterSessions => Set<ReporterSession>();
    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // UTC ticks as integers: sortable and comparable in SQL on SQLite and PostgreSQL alike.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<UtcTicksConverter>();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(WhistleblowingDbContext).Assembly, t => t.Namespace == typeof(WhistleblowingDbContext).Namespace + ".Configuration");
    }

    private sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
        v => v.UtcTicks,
        v => new DateTimeOffset(v, TimeSpan.Zero));
}
