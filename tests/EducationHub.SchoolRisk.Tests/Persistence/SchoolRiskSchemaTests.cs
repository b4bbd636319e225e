using EducationHub.SchoolRisk.Infrastructure;
using EducationHub.ServiceDefaults.Persistence;
using EducationHub.Testing.Infrastructure;

namespace EducationHub.SchoolRisk.Tests.Persistence;

/// <summary>The hand-written migrations build exactly the schema the EF model describes, on both providers.</summary>
public abstract class SchoolRiskSchemaTests(DatabaseProvider provider)
{
    [Fact]
    public Task The_migration_builds_the_schema_the_model_describes() =>
        SchemaAssert.MigrationMatchesModelAsync<SchoolRiskDbContext>(provider, "partner_signals");
}

public sealed class SqliteSchoolRiskSchemaTests() : SchoolRiskSchemaTests(DatabaseProvider.Sqlite);

public sealed class PostgresSchoolRiskSchemaTests() : SchoolRiskSchemaTests(DatabaseProvider.PostgreSql);
