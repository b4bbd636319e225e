using EducationHub.Complaints.Infrastructure;
using EducationHub.ServiceDefaults.Persistence;
using EducationHub.Testing.Infrastructure;
using Xunit;

namespace EducationHub.Complaints.Tests.Persistence;

/// <summary>The hand-written migrations build exactly the schema the EF model describes, on both providers.</summary>
public abstract class ComplaintsSchemaTests(DatabaseProvider provider)
{
    [Fact]
    public Task The_migration_builds_the_schema_the_model_describes() =>
        SchemaAssert.MigrationMatchesModelAsync<ComplaintsDbContext>(provider, "complaints", ComplaintsDbContext.LoadStagesInOneQuery);
}

public sealed class SqliteComplaintsSchemaTests() : ComplaintsSchemaTests(DatabaseProvider.Sqlite);

public sealed class PostgresComplaintsSchemaTests() : ComplaintsSchemaTests(DatabaseProvider.PostgreSql);
