using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace EducationHub.Testing.Infrastructure;

/// <summary>
/// Reads a database's schema as sorted lines (tables, columns with type and nullability, primary
/// keys, indexes) so two databases can be compared, e.g. one built by the hand-written
/// migrations against one built from the EF model (EnsureCreated), to prove schema = model.
/// EF's own bookkeeping tables are left out.
/// </summary>
public static class DatabaseSchema
{
    public static async Task<IReadOnlyList<string>> DescribeAsync(string connectionString)
    {
        var postgres = connectionString.TrimStart().StartsWith("Host=", StringComparison.OrdinalIgnoreCase);
        await using DbConnection connection = postgres ? new NpgsqlConnection(connectionString) : new SqliteConnection(connectionString);
        await connection.OpenAsync();
        var lines = postgres ? await DescribePostgresAsync(connection) : await DescribeSqliteAsync(connection);
        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    private static bool IsBookkeeping(string table) => table.StartsWith("__EF", StringComparison.OrdinalIgnoreCase) || table.StartsWith("sqlite_", StringComparison.Ordinal);

    private static async Task<List<string>> DescribeSqliteAsync(DbConnection connection)
    {
        var lines = new List<string>();
        var tables = await QueryAsync(connection, "SELECT name FROM sqlite_master WHERE type = 'table'", r => r.GetString(0));
        foreach (var table in tables.Where(t => !IsBookkeeping(t)))
        {
            lines.Add($"table {table}");
            lines.AddRange(await QueryAsync(connection, $"SELECT name, type, \"notnull\", pk, dflt_value FROM pragma_table_info('{table}')",
                r => $"column {table}.{r.GetString(0)} {r.GetString(1).ToUpperInvariant()} {(r.GetInt64(2) == 1 ? "NOT NULL" : "NULL")} pk={r.GetInt64(3)} default={(r.IsDBNull(4) ? "" : r.GetString(4))}"));
            // The predicate of a partial index is in its CREATE statement, as written; the flag is enough to tell the two apart.
            var indexes = await QueryAsync(connection, $"SELECT name, \"unique\", origin, \"partial\" FROM pragma_index_list('{table}')",
                r => (Name: r.GetString(0), Unique: r.GetInt64(1) == 1, Origin: r.GetString(2), Partial: r.GetInt64(3) == 1));
            foreach (var index in indexes.Where(i => i.Origin == "c"))
            {
                var columns = await QueryAsync(connection, $"SELECT name FROM pragma_index_info('{index.Name}') ORDER BY seqno", r => r.GetString(0));
                lines.Add($"index {table}.{index.Name} ({string.Join(", ", columns)}){(index.Unique ? " UNIQUE" : "")}{(index.Partial ? " PARTIAL" : "")}");
            }
            var foreignKeys = await QueryAsync(connection, $"SELECT \"table\", \"from\", \"to\", on_delete FROM pragma_foreign_key_list('{table}')",
                r => $"fk {table}.{r.GetString(1)} -> {r.GetString(0)}.{r.GetString(2)} on delete {r.GetString(3)}");
            lines.AddRange(foreignKeys);
        }
        return lines;
    }

    private static async Task<List<string>> DescribePostgresAsync(DbConnection connection)
    {
        var lines = new List<string>();
        lines.AddRange((await QueryAsync(connection,
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'",
            r => r.GetString(0))).Where(t => !IsBookkeeping(t)).Select(t => $"table {t}"));
        lines.AddRange((await QueryAsync(connection,
            "SELECT table_name, column_name, data_type, is_nullable, column_default FROM information_schema.columns WHERE table_schema = 'public'",
            r => (Table: r.GetString(0), Line: $"column {r.GetString(0)}.{r.GetString(1)} {r.GetString(2)} {(r.GetString(3) == "YES" ? "NULL" : "NOT NULL")} default={(r.IsDBNull(4) ? "" : r.GetString(4))}")))
            .Where(c => !IsBookkeeping(c.Table)).Select(c => c.Line));
        lines.AddRange((await QueryAsync(connection,
            "SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public'",
            r => (Table: r.GetString(0), Line: $"index {r.GetString(0)}.{r.GetString(1)} {r.GetString(2)}")))
            .Where(i => !IsBookkeeping(i.Table)).Select(i => i.Line));
        lines.AddRange((await QueryAsync(connection,
            "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE connamespace = 'public'::regnamespace",
            r => (Table: r.GetString(0), Line: $"constraint {r.GetString(0)}.{r.GetString(1)} {r.GetString(2)}")))
            .Where(c => !IsBookkeeping(c.Table.Trim('"'))).Select(c => c.Line));
        return lines;
    }

    private static async Task<List<T>> QueryAsync<T>(DbConnection connection, string sql, Func<DbDataReader, T> read)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var result = new List<T>();
        while (await reader.ReadAsync())
            result.Add(read(reader));
        return result;
    }
}
