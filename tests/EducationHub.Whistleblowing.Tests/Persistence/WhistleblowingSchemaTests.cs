using EducationHub.ServiceDefaults.Persistence;
using EducationHub.Testing.Infrastructure;
using EducationHub.Whistleblowing.Infrastructure;

namespace EducationHub.Whistleblowing.Tests.Persistence;

/// <summary>The hand-written migrations build exactly the schema the EF model describes, on both providers.</summary>
public abstract class WhistleblowingSchemaTests(DatabaseProvider provider)
{
    [Fact]
    public Task The_migration_builds_the_schema_the_model_describes() =>
        SchemaAssert.MigrationMatchesModelAsync<WhistleblowingDbContext>(provider, "wb_cases");
}

public sealed class SqliteWhistleblowingSchemaTests() : WhistleblowingSchemaTests(DatabaseProvider.Sqlite);

public sealed class PostgresWhistleblowingSchemaTests() : WhistleblowingSchemaTests(DatabaseProvider.PostgreSql);
