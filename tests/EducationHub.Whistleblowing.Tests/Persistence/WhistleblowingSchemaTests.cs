using EducationHub.ServiceDefaults.Persistence;
using EducationHub.Testing.Infrastructure;
using EducationHub.Whistleblowing.Domain;
using EducationHub.Whistleblowing.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace EducationHub.Whistleblowing.Tests.Persistence;

/// <summary>The hand-written migrations build exactly the schema the EF model describes, on both providers.</summary>
public abstract class WhistleblowingSchemaTests(DatabaseProvider provider)
{
    [Fact]
    public Task The_migration_builds_the_schema_the_model_describes() =>
        SchemaAssert.MigrationMatchesModelAsync<WhistleblowingDbContext>(provider, "wb_cases");

    [Fact]
    public async Task Upgrading_a_database_with_cases_adds_idempotency_records_whose_key_hash_is_unique()
    {
        await using var database = await EmptyDatabase.CreateAsync<WhistleblowingDbContext>(provider);
        var caseId = Guid.NewGuid();
        var now = new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);
        await using (var db = database.Context())
        {
            // The schema before the migration: EF cannot target a migration whose id is not 14 digits, so
            // migrate fully and take this one back out, as the other services' upgrade tests do.
            await db.Database.MigrateAsync();
            await db.Database.ExecuteSqlRawAsync("DROP TABLE wb_idempotency_records");
            await db.Database.ExecuteSqlRawAsync("""DELETE FROM "__EFMigrationsHistory" WHERE "MigrationId" = '2026112501_WhistleblowingIdempotencyRecords'""");
            db.Cases.Add(WhistleblowingCase.Receive(caseId, now, ConcernCategory.Finance, 123456, new SealedDataKey("k1", [1, 2, 3]), [4], null, [5, 6], [7], TimeSpan.FromDays(7)));
            await db.SaveChangesAsync();
            Assert.Single(await db.Database.GetPendingMigrationsAsync());
            await db.GetService<IMigrator>().MigrateAsync();
        }

        var keyHash = System.Security.Cryptography.SHA256.HashData("an idempotency key"u8);
        await using (var db = database.Context())
        {
            Assert.Equal(caseId, (await db.Cases.AsNoTracking().SingleAsync()).Id);
            db.IdempotencyRecords.Add(IdempotencyRecord.Create(keyHash, IdempotentOperation.Report, [8], caseId, [9], now, TimeSpan.FromHours(24)));
            await db.SaveChangesAsync();
        }

        // A second first use of the same key (what the loser of a race does) is the provider's unique violation.
        await using (var db = database.Context())
        {
            db.IdempotencyRecords.Add(IdempotencyRecord.Create(keyHash, IdempotentOperation.Reply, [10], caseId, null, now, TimeSpan.FromHours(24)));
            var refused = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
            Assert.True(UniqueViolation.Is(refused), refused.InnerException?.ToString());
        }

        // Any other failure is not taken for one (here a record for a case that does not exist).
        await using (var db = database.Context())
        {
            db.IdempotencyRecords.Add(IdempotencyRecord.Create([11], IdempotentOperation.Report, [12], Guid.NewGuid(), null, now, TimeSpan.FromHours(24)));
            Assert.False(UniqueViolation.Is(await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync())));
        }

        await using var check = database.Context();
        Assert.Equal(IdempotentOperation.Report, (await check.IdempotencyRecords.AsNoTracking().SingleAsync()).Operation);
    }
}

public sealed class SqliteWhistleblowingSchemaTests() : WhistleblowingSchemaTests(DatabaseProvider.Sqlite);

public sealed class PostgresWhistleblowingSchemaTests() : WhistleblowingSchemaTests(DatabaseProvider.PostgreSql);
