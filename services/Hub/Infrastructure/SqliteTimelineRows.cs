using System.Buffers.Text;
using System.Globalization;
using System.Text;
using System.Text.Json;
using EducationHub.Hub.Domain;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace EducationHub.Hub.Infrastructure;

/// <summary>
/// The timeline's rows from SQLite, decoded straight from SQLite's own buffers. Through
/// <see cref="SqliteDataReader"/> each column cost two or three native calls (type, then value)
/// and a new string for every text, GUID and date: most of the month build's reading time. Here a
/// column is one native call plus lock-free getters (<see cref="SqliteColumnValues"/>), GUIDs and
/// dates are parsed from the UTF-8 bytes, and the few distinct short strings come from a
/// <see cref="StringPool"/>.
/// Values are read as EF Core's SQLite provider stores them (GUIDs as text, or 16-byte blobs;
/// dates as yyyy-MM-dd text), with the provider's own parsing as the fallback.
/// </summary>
internal static class SqliteTimelineRows
{
    public static IEnumerable<TimelineEntry> Read(SqliteConnection connection, string sql, long receivedByMs, CancellationToken ct)
    {
        var handle = connection.Handle ?? throw new InvalidOperationException("The SQLite connection is not open.");
        Check(handle, raw.sqlite3_prepare_v2(handle, sql, out var statement));
        using (statement)
        {
            Check(handle, raw.sqlite3_bind_int64(statement, 1, receivedByMs));
            var pool = new StringPool();
            var rows = 0;
            while (true)
            {
                var step = raw.sqlite3_step(statement);
                if (step == raw.SQLITE_DONE) yield break;
                if (step != raw.SQLITE_ROW) Check(handle, step);
                if ((++rows & 0xFFF) == 0) ct.ThrowIfCancellationRequested();
                yield return Entry(statement.DangerousGetHandle(), pool);
            }
        }
    }

    // Column order: TimelineBySchoolReader's query.
    private static TimelineEntry Entry(nint s, StringPool pool) => new(
        GuidAt(s, 0)!.Value, Int32At(s, 1), (TimelineKind)Int32At(s, 2),
        RowMapping.FromMs(SqliteColumnValues.Int64(SqliteColumnValues.At(s, 3))), PooledAt(s, 4, pool) ?? "",
        SourceId: GuidAt(s, 5),
        RelatedId: GuidAt(s, 6),
        Category: PooledAt(s, 7, pool),
        Level: PooledAt(s, 8, pool),
        Detail: PooledAt(s, 9, pool),
        Organisation: PooledAt(s, 10, pool),
        Score: IntAt(s, 11),
        Date: DateAt(s, 12),
        ModelVersion: PooledAt(s, 13, pool),
        Reasons: TextAt(s, 14) is { } reasons ? new JsonListOnDemand<HardReason>(reasons) : null,
        RelatedIds: RelatedIdsAt(s, 15),
        Flag: Int32At(s, 16) != 0);

    private static string? PooledAt(nint s, int i, StringPool pool)
    {
        var value = SqliteColumnValues.At(s, i);
        return SqliteColumnValues.IsNull(value) ? null : pool.Get(SqliteColumnValues.Bytes(value));
    }

    private static string? TextAt(nint s, int i)
    {
        var value = SqliteColumnValues.At(s, i);
        return SqliteColumnValues.IsNull(value) ? null : Encoding.UTF8.GetString(SqliteColumnValues.Bytes(value));
    }

    // NOT NULL columns (a NULL would read as 0, as SQLite converts it).
    private static int Int32At(nint s, int i) => SqliteColumnValues.Int(SqliteColumnValues.At(s, i));

    private static int? IntAt(nint s, int i)
    {
        var value = SqliteColumnValues.At(s, i);
        return SqliteColumnValues.IsNull(value) ? null : SqliteColumnValues.Int(value);
    }

    private static List<Guid>? RelatedIdsAt(nint s, int i)
    {
        var value = SqliteColumnValues.At(s, i);
        return SqliteColumnValues.IsNull(value) ? null : JsonSerializer.Deserialize<List<Guid>>(SqliteColumnValues.Bytes(value));
    }

    private static Guid? GuidAt(nint s, int i)
    {
        var value = SqliteColumnValues.At(s, i);
        if (SqliteColumnValues.IsNull(value)) return null;
        var bytes = SqliteColumnValues.Bytes(value);
        if (bytes.Length == 16 && SqliteColumnValues.IsBlob(value)) return new Guid(bytes);
        if (bytes.IsEmpty) throw new FormatException($"Empty GUID in timeline column {i}.");
        return Utf8Parser.TryParse(bytes, out Guid id, out var used, 'D') && used == bytes.Length ? id : Guid.Parse(Encoding.UTF8.GetString(bytes));
    }

    private static DateOnly? DateAt(nint s, int i)
    {
        var value = SqliteColumnValues.At(s, i);
        if (SqliteColumnValues.IsNull(value)) return null;
        var bytes = SqliteColumnValues.Bytes(value);
        if (bytes.IsEmpty) throw new FormatException($"Empty date in timeline column {i}.");
        if (bytes.Length == 10 && bytes[4] == '-' && bytes[7] == '-'
            && Utf8Parser.TryParse(bytes[..4], out int year, out var y) && y == 4
            && Utf8Parser.TryParse(bytes[5..7], out int month, out var m) && m == 2
            && Utf8Parser.TryParse(bytes[8..], out int day, out var d) && d == 2)
            return new DateOnly(year, month, day);
        return DateOnly.Parse(Encoding.UTF8.GetString(bytes), CultureInfo.InvariantCulture);
    }

    private static void Check(sqlite3 handle, int result)
    {
        if (result != raw.SQLITE_OK) throw new SqliteException(raw.sqlite3_errmsg(handle).utf8_to_string(), result);
    }
}
