using EducationHub.Complaints.Domain;
using EducationHub.ServiceDefaults.Persistence;
using Microsoft.EntityFrameworkCore;

namespace EducationHub.Complaints.Infrastructure;

public sealed class ComplaintsDbContext(DbContextOptions<ComplaintsDbContext> options) : ServiceDbContext(options)
{
    public DbSet<Complaint> Complaints => Set<Complaint>();
    public DbSet<Campaign> Campaigns => Set<Campaign>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ComplaintsDbContext).Assembly);
    }
}
