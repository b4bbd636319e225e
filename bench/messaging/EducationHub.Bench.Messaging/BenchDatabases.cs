using EducationHub.ServiceDefaults.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace EducationHub.Bench.Messaging;

/// <summary>A domain row the producing service writes with each event (the "application write").</summary>
public sealed class Subject
{
    public Guid Id { get; set; }
    public int Urn { get; set; }
    public string Category { get; set; } = "";
}

/// <summary>What the consuming service records per event.</summary>
public sealed class Applied
{
    public Guid EventId { get; set; }
    public int? Urn { get; set; }
    public string Category { get; set; } = "";
}

public sealed class ProducerDb(DbContextOptions<ProducerDb> options) : ServiceDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<Subject>(e =>
        {
            e.ToTable("subjects");
            e.HasKey(s => s.Id);
            e.Property(s => s.Id).HasColumnName("id").ValueGeneratedNever();
            e.Property(s => s.Urn).HasColumnName("urn");
            e.Property(s => s.Category).HasColumnName("category");
        });
    }
}

public sealed class ConsumerDb(DbContextOptions<ConsumerDb> options) : ServiceDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<Applied>(e =>
        {
            e.ToTable("applied");
            e.HasKey(a => a.EventId);
            e.Property(a => a.EventId).HasColumnName("event_id").ValueGeneratedNever();
            e.Property(a => a.Urn).HasColumnName("urn");
            e.Property(a => a.Category).HasColumnName("category");
        });
    }
}

[DbContext(typeof(ProducerDb))]
[Migration("2026112201_Initial")]
public sealed class ProducerInitial : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateServiceInfrastructureTables();
        migrationBuilder.CreateTable("subjects", t => new
        {
            Id = t.Column<Guid>(name: "id", nullable: false),
            Urn = t.Column<int>(name: "urn", nullable: false),
            Category = t.Column<string>(name: "category", nullable: false),
        }, constraints: t => t.PrimaryKey("PK_subjects", x => x.Id));
    }
}

[DbContext(typeof(ConsumerDb))]
[Migration("2026112201_Initial")]
public sealed class ConsumerInitial : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateServiceInfrastructureTables();
        migrationBuilder.CreateTable("applied", t => new
        {
            EventId = t.Column<Guid>(name: "event_id", nullable: false),
            Urn = t.Column<int>(name: "urn", nullable: true),
            Category = t.Column<string>(name: "category", nullable: false),
        }, constraints: t => t.PrimaryKey("PK_applied", x => x.EventId));
    }
}

[DbContext(typeof(ProducerDb))]
[Migration("2026112203_OutboxPartialPendingIndex")]
public sealed class ProducerOutboxPartialPendingIndex : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.PartialOutboxPendingIndex();
}

[DbContext(typeof(ConsumerDb))]
[Migration("2026112203_OutboxPartialPendingIndex")]
public sealed class ConsumerOutboxPartialPendingIndex : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.PartialOutboxPendingIndex();
}
