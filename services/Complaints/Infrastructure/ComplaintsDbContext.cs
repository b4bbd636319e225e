using EducationHub.Complaints.Domain;
using EducationHub.ServiceDefaults.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EducationHub.Complaints.Infrastructure;

public sealed class ComplaintsDbContext(DbContextOptions<ComplaintsDbContext> options) : ServiceDbContext(options)
{
    public DbSet<Complaint> Complaints => Set<Complaint>();
    public DbSet<Campaign> Campaigns => Set<Campaign>();

    /// <summary>
    /// A complaint always loads with its stages and their remedies (owned collections, a handful of
    /// rows each), for which one query with joins is right; EF warns about two collections in one
    /// query on every start unless told that is intended.
    /// </summary>
    public static void LoadStagesInOneQuery(DbContextOptionsBuilder options) =>
        options.ConfigureWarnings(w => w.Ignore(RelationalEventId.MultipleCollectionIncludeWarning));

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ComplaintsDbContext).Assembly);
    }
}
