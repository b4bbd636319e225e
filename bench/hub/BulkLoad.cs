using System.Globalization;
using EducationHub.Hub.Domain;
using EducationHub.Hub.Infrastructure;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;

namespace EducationHub.Bench.Hub;

/// <summary>
/// Puts the synthetic nation into a hub database whose schema the hub's own migration created:
/// SQLite with one prepared insert in one transaction, PostgreSQL with binary COPY. Rows are the
/// ones the consumers would store (<see cref="RowMapping.ToRow"/>).
/// </summary>
internal static class BulkLoad
{
    public static async Task SqliteAsync(string file, Dictionary<int, SchoolInfo> schools, List<TimelineEntry> entries)
    {
        await using var connection = new SqliteConnection($"Data Source={file}");
        await connection.OpenAsync();
        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync();
        var school = connection.CreateCommand();
        school.Transaction = tx;
        school.CommandText = "INSERT INTO hub_schools (Urn, Name, LaCode, LaName, EstablishmentType, Phase, Status, TrustName, PredecessorUrns, RegisteredAtMs) VALUES ($u,$n,$l,$ln,$t,$p,'Open',NULL,'',0)";
        foreach (var name in new[] { "$u", "$n", "$l", "$ln", "$t", "$p" }) school.Parameters.Add(new SqliteParameter(name, null));
        foreach (var s in schools.Values)
        {
            school.Parameters["$u"].Value = s.Urn; school.Parameters["$n"].Value = s.Name; school.Parameters["$l"].Value = s.LaCode;
            school.Parameters["$ln"].Value = s.LaName; school.Parameters["$t"].Value = s.EstablishmentType; school.Parameters["$p"].Value = s.Phase;
            await school.ExecuteNonQueryAsync();
        }
        var insert = connection.CreateCommand();
        insert.Transaction = tx;
        insert.CommandText = "INSERT INTO hub_timeline (EventId, Urn, Kind, OccurredAtMs, ReceivedAtMs, Producer, SourceId, RelatedId, Category, Level, Detail, Organisation, Score, Date, ModelVersion, ReasonsJson, RelatedIdsJson, Flag) VALUES ($e,$u,$k,$o,0,$pr,$s,NULL,$c,$lv,$d,$org,$sc,$dt,$mv,$r,NULL,0)";
        foreach (var name in new[] { "$e", "$u", "$k", "$o", "$pr", "$s", "$c", "$lv", "$d", "$org", "$sc", "$dt", "$mv", "$r" }) insert.Parameters.Add(new SqliteParameter(name, null));
        foreach (var e in entries)
        {
            var row = RowMapping.ToRow(e, DateTimeOffset.UnixEpoch);
            insert.Parameters["$e"].Value = row.EventId.ToString().ToUpperInvariant(); // as EF Core's SQLite provider stores a Guid
            insert.Parameters["$u"].Value = row.Urn; insert.Parameters["$k"].Value = row.Kind; insert.Parameters["$o"].Value = row.OccurredAtMs;
            insert.Parameters["$pr"].Value = row.Producer;
            insert.Parameters["$s"].Value = (object?)row.SourceId?.ToString().ToUpperInvariant() ?? DBNull.Value;
            insert.Parameters["$c"].Value = (object?)row.Category ?? DBNull.Value; insert.Parameters["$lv"].Value = (object?)row.Level ?? DBNull.Value;
            insert.Parameters["$d"].Value = (object?)row.Detail ?? DBNull.Value; insert.Parameters["$org"].Value = (object?)row.Organisation ?? DBNull.Value;
            insert.Parameters["$sc"].Value = (object?)row.Score ?? DBNull.Value;
            insert.Parameters["$dt"].Value = row.Date is { } d ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : DBNull.Value;
            insert.Parameters["$mv"].Value = (object?)row.ModelVersion ?? DBNull.Value; insert.Parameters["$r"].Value = (object?)row.ReasonsJson ?? DBNull.Value;
            await insert.ExecuteNonQueryAsync();
        }
        await tx.CommitAsync();
    }

    /// <summary>
    /// Moves the load's write-ahead log into the database file and closes the pooled connection.
    /// The load is one transaction of a million rows, so its WAL is the size of the database, and
    /// the probes (other processes) then read through it: on the quiet machine the month build's
    /// reading alone took 4.5 s that way and 2.7 s after this checkpoint (bench/hub/RESULTS.md).
    /// A hub in service never has such a WAL (SQLite checkpoints every 1,000 pages as the consumers
    /// commit), just as its PostgreSQL tables get vacuumed in service.
    /// </summary>
    public static async Task CheckpointSqliteAsync(string file)
    {
        await using (var connection = new SqliteConnection($"Data Source={file}"))
        {
            await connection.OpenAsync();
            await using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
            await checkpoint.ExecuteNonQueryAsync();
        }
        SqliteConnection.ClearAllPools();
    }

    public static async Task PostgresAsync(string connectionString, Dictionary<int, SchoolInfo> schools, List<TimelineEntry> entries)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using (var importer = await connection.BeginBinaryImportAsync(
            "COPY hub_schools (\"Urn\", \"Name\", \"LaCode\", \"LaName\", \"EstablishmentType\", \"Phase\", \"Status\", \"TrustName\", \"PredecessorUrns\", \"RegisteredAtMs\") FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var s in schools.Values)
            {
                await importer.StartRowAsync();
                await importer.WriteAsync(s.Urn, NpgsqlDbType.Integer);
                await importer.WriteAsync(s.Name, NpgsqlDbType.Text);
                await importer.WriteAsync(s.LaCode, NpgsqlDbType.Text);
                await importer.WriteAsync(s.LaName, NpgsqlDbType.Text);
                await importer.WriteAsync(s.EstablishmentType, NpgsqlDbType.Text);
                await importer.WriteAsync(s.Phase, NpgsqlDbType.Text);
                await importer.WriteAsync("Open", NpgsqlDbType.Text);
                await importer.WriteNullAsync();
                await importer.WriteAsync("", NpgsqlDbType.Text);
                await importer.WriteAsync(0L, NpgsqlDbType.Bigint);
            }
            await importer.CompleteAsync();
        }
        await using (var importer = await connection.BeginBinaryImportAsync(
            "COPY hub_timeline (\"EventId\", \"Urn\", \"Kind\", \"OccurredAtMs\", \"ReceivedAtMs\", \"Producer\", \"SourceId\", \"RelatedId\", \"Category\", \"Level\", \"Detail\", \"Organisation\", \"Score\", \"Date\", \"ModelVersion\", \"ReasonsJson\", \"RelatedIdsJson\", \"Flag\") FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var e in entries)
            {
                var row = RowMapping.ToRow(e, DateTimeOffset.UnixEpoch);
                await importer.StartRowAsync();
                await importer.WriteAsync(row.EventId, NpgsqlDbType.Uuid);
                await importer.WriteAsync(row.Urn, NpgsqlDbType.Integer);
                await importer.WriteAsync(row.Kind, NpgsqlDbType.Integer);
                await importer.WriteAsync(row.OccurredAtMs, NpgsqlDbType.Bigint);
                await importer.WriteAsync(row.ReceivedAtMs, NpgsqlDbType.Bigint);
                await importer.WriteAsync(row.Producer, NpgsqlDbType.Text);
                await WriteAsync(importer, row.SourceId, NpgsqlDbType.Uuid);
                await WriteAsync(importer, row.RelatedId, NpgsqlDbType.Uuid);
                await WriteAsync(importer, row.Category, NpgsqlDbType.Text);
                await WriteAsync(importer, row.Level, NpgsqlDbType.Text);
                await WriteAsync(importer, row.Detail, NpgsqlDbType.Text);
                await WriteAsync(importer, row.Organisation, NpgsqlDbType.Text);
                await WriteAsync(importer, row.Score, NpgsqlDbType.Integer);
                await WriteAsync(importer, row.Date, NpgsqlDbType.Date);
                await WriteAsync(importer, row.ModelVersion, NpgsqlDbType.Text);
                await WriteAsync(importer, row.ReasonsJson, NpgsqlDbType.Text);
                await WriteAsync(importer, row.RelatedIdsJson, NpgsqlDbType.Text);
                await importer.WriteAsync(row.Flag, NpgsqlDbType.Boolean);
            }
            await importer.CompleteAsync();
        }
        // What autovacuum does to an insert-only table in service: statistics, and the visibility map
        // that lets the month build read the timeline from its covering index alone.
        foreach (var table in new[] { "hub_timeline", "hub_schools" })
        {
            await using var vacuum = new NpgsqlCommand($"VACUUM ANALYZE {table}", connection); // one statement each: VACUUM refuses a batch
            await vacuum.ExecuteNonQueryAsync();
        }
    }

    private static Task WriteAsync<T>(NpgsqlBinaryImporter importer, T? value, NpgsqlDbType type) where T : struct =>
        value is { } v ? importer.WriteAsync(v, type) : importer.WriteNullAsync();

    private static Task WriteAsync(NpgsqlBinaryImporter importer, string? value, NpgsqlDbType type) =>
        value is null ? importer.WriteNullAsync() : importer.WriteAsync(value, type);
}
