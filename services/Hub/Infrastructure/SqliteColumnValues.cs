using System.Runtime.InteropServices;

namespace EducationHub.Hub.Infrastructure;

/// <summary>
/// SQLite's column getters called directly on a statement's raw pointer, for the month build's
/// reader (<see cref="SqliteTimelineRows"/>). Through SQLitePCLRaw every column call went through
/// an interface, a SafeHandle add-ref/release pair and a P/Invoke transition, and
/// <c>sqlite3_column_blob</c> then <c>sqlite3_column_bytes</c> each took the connection's mutex:
/// in perf about half of reading's CPU for a million rows of 17 columns. Here a column is one
/// <c>sqlite3_column_value</c> (one mutex round) and the <c>sqlite3_value_*</c> getters, which take
/// no lock, do no I/O and return at once, skip the GC transition.
/// The library is the one SQLitePCLRaw's bundle (<c>SQLitePCLRaw.bundle_e_sqlite3</c>) loads: the
/// same name resolved the same way, so the same loaded library the statement came from.
/// </summary>
/// <remarks>
/// The values <c>sqlite3_column_value</c> returns are "unprotected": safe only while no other thread
/// uses the connection, which holds for the month build's reader (it owns its connection for the
/// whole read). Each pointer is valid until the next <c>sqlite3_step</c>. The getters are quick
/// because each is asked only for what the column holds (bytes of TEXT or BLOB, integers of
/// INTEGER); asked to convert, SQLite would allocate, which is still correct, only slower.
/// </remarks>
internal static unsafe class SqliteColumnValues
{
    private const string Library = "e_sqlite3";
    private const int SqliteNull = 5;
    private const int SqliteBlob = 4;

    public static nint At(nint statement, int column) => sqlite3_column_value(statement, column);

    public static bool IsNull(nint value) => sqlite3_value_type(value) == SqliteNull;

    public static bool IsBlob(nint value) => sqlite3_value_type(value) == SqliteBlob;

    /// <summary>A text or blob value's bytes (text as UTF-8), valid until the next step; empty for NULL.</summary>
    public static ReadOnlySpan<byte> Bytes(nint value)
    {
        // SQLite's documented order: the pointer first, then its length.
        var bytes = sqlite3_value_blob(value);
        var length = sqlite3_value_bytes(value);
        return length == 0 ? default : new ReadOnlySpan<byte>(bytes, length);
    }

    public static int Int(nint value) => sqlite3_value_int(value);

    public static long Int64(nint value) => sqlite3_value_int64(value);

    [DllImport(Library)]
    private static extern nint sqlite3_column_value(nint statement, int column);

    [DllImport(Library), SuppressGCTransition]
    private static extern int sqlite3_value_type(nint value);

    [DllImport(Library), SuppressGCTransition]
    private static extern byte* sqlite3_value_blob(nint value);

    [DllImport(Library), SuppressGCTransition]
    private static extern int sqlite3_value_bytes(nint value);

    [DllImport(Library), SuppressGCTransition]
    private static extern int sqlite3_value_int(nint value);

    [DllImport(Library), SuppressGCTransition]
    private static extern long sqlite3_value_int64(nint value);
}
