using EducationHub.ServiceDefaults.Persistence;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace EducationHub.Testing.Infrastructure;

/// <summary>
/// The proof that a service's hand-written migrations build exactly the schema its EF model
/// describes (there is no model snapshot to check against: docs/persistence.md).
/// </summary>
public static class SchemaAssert
{
    /// <summary>
    /// Migrates one empty database, builds another from the model (EnsureCreated, used here only,
    /// as the reference rendering of the model) and compares their <see cref="DatabaseSchema"/>
    /// descriptions. <paramref name="serviceTable"/> must be in the migrated schema, so two schemas
    /// that are equal because both are empty (or hold only the shared tables) do not pass.
    /// </summary>
    /// <param name="configure">What the service passes to <c>AddServiceDatabase(name, configure)</c>, if anything.</param>
    /// <param name="knownDifferences">
    /// For a migration that deliberately builds what the model cannot say (a provider's physical
    /// layout): the differences there must be, each the start of one differing line, "- " for a
    /// line only the model has, "+ " for one only the migrations have. Any other difference fails,
    /// and so does a known one that is no longer there.
    /// </param>
    public static async Task MigrationMatchesModelAsync<TContext>(
        DatabaseProvider provider,
        string serviceTable,
        Action<DbContextOptionsBuilder>? configure = null,
        IReadOnlyList<string>? knownDifferences = null)
        where TContext : DbContext
    {
        await using var migrated = await EmptyDatabase.CreateAsync<TContext>(provider, configure);
        await using var fromModel = await EmptyDatabase.CreateAsync<TContext>(provider, configure);
        await using (var db = migrated.Context())
            await db.Database.MigrateAsync();
        await using (var db = fromModel.Context())
            await db.Database.EnsureCreatedAsync();

        var expected = await DatabaseSchema.DescribeAsync(fromModel.ConnectionString);
        var actual = await DatabaseSchema.DescribeAsync(migrated.ConnectionString);
        Assert.Contains($"table {serviceTable}", actual);

        // The differing lines, rather than Assert.Equal's first differing index of two long lists.
        var differences = expected.Except(actual, StringComparer.Ordinal).Select(l => "- " + l)
            .Concat(actual.Except(expected, StringComparer.Ordinal).Select(l => "+ " + l)).ToList();
        var known = knownDifferences ?? [];
        var unexplained = differences.Where(d => known.Count(k => d.StartsWith(k, StringComparison.Ordinal)) != 1).ToList();
        var gone = known.Where(k => differences.Count(d => d.StartsWith(k, StringComparison.Ordinal)) != 1).ToList();
        Assert.True(unexplained.Count == 0 && gone.Count == 0,
            $"{provider}: the migrations do not build the model's schema (- only in the model, + only in the migrations):\n  " +
            string.Join("\n  ", unexplained) +
            (gone.Count == 0 ? "" : "\nKnown differences not matched by exactly one line:\n  " + string.Join("\n  ", gone)));
        if (known.Count == 0)
            Assert.Equal(expected, actual);
    }
}
