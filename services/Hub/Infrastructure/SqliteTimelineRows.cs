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
/// column is one call, NULL is asked only when a value is empty or zero, GUIDs and dates are parsed
/// from the UTF-8 bytes, and the few distinct short strings come from a <see cref="StringPool"/>.
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
                yield return Entry(statement, pool);
            }
        }
    }

    // Column order: TimelineBySchoolReader's query.
    private static TimelineEntry Entry(sqlite3_stmt s, StringPool pool) => new(
        GuidAt(s, 0)!.Value, raw.sqlite3_column_int(s, 1), (TimelineKind)raw.sqlite3_column_int(s, 2),
        RowMapping.FromMs(raw.sqlite3_column_int64(s, 3)), PooledAt(s, 4, pool) ?? "",
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
        RelatedIds: IsNull(s, 15) ? null : JsonSerializer.Deserialize<List<Guid>>(raw.sqlite3_column_blob(s, 15)),
        Flag: raw.sqlite3_column_int(s, 16) != 0);

    private static bool IsNull(sqlite3_stmt s, int i) => raw.sqlite3_column_type(s, i) == raw.SQLITE_NULL;

    private static string? PooledAt(sqlite3_stmt s, int i, StringPool pool)
    {
        var bytes = raw.sqlite3_column_blob(s, i);
        return bytes.IsEmpty && IsNull(s, i) ? null : pool.Get(bytes);
    }

    private static string? TextAt(sqlite3_stmt s, int i)
    {
        var bytes = raw.sqlite3_column_blob(s, i);
        return bytes.IsEmpty && IsNull(s, i) ? null : Encoding.UTF8.GetString(bytes);
    }

    private static int? IntAt(sqlite3_stmt s, int i)
    {
        var value = raw.sqlite3_column_int(s, i);
        return value == 0 && IsNull(s, i) ? null : value;
    }

    private static Guid? GuidAt(sqlite3_stmt s, int i)
    {
        var bytes = raw.sqlite3_column_blob(s, i);
        if (bytes.IsEmpty) return IsNull(s, i) ? null : throw new FormatException($"Empty GUID in timeline column {i}.");
        if (bytes.Length == 16 && raw.sqlite3_column_type(s, i) == raw.SQLITE_BLOB) return new Guid(bytes);
        return Utf8Parser.TryParse(bytes, out Guid id, out var used, 'D') && used == bytes.Length ? id : Guid.Parse(Encoding.UTF8.GetString(bytes));
    }

    private static DateOnly? DateAt(sqlite3_stmt s, int i)
    {
        var bytes = raw.sqlite3_column_blob(s, i);
        if (bytes.IsEmpty) return IsNull(s, i) ? null : throw new FormatException($"Empty date in timeline column {i}.");
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
