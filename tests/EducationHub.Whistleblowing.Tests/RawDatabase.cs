using System.Text;
using Npgsql;

namespace EducationHub.Whistleblowing.Tests;

/// <summary>What someone with a copy of the database would see: the raw SQLite files, or every row of every PostgreSQL table.</summary>
public static class RawDatabase
{
    /// <summary>The SQLite database and its WAL/SHM side files, byte for byte.</summary>
    /// <remarks>
    /// A background connection closing can checkpoint the WAL into the database and delete the
    /// side files at any moment. So the side files are read first and skipped if already gone,
    /// and the database last: whatever a vanished WAL held is in the database by then.
    /// </remarks>
    public static async Task<byte[]> ReadSqliteFilesAsync(string directory)
    {
        using var all = new MemoryStream();
        var database = Path.Combine(directory, "whistleblowing.db");
        foreach (var file in Directory.GetFiles(directory, "whistleblowing.db?*").Append(database))
        {
            try
            {
                await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                await stream.CopyToAsync(all);
            }
            catch (FileNotFoundException) when (file != database)
            {
            }
        }

        return all.ToArray();
    }

    /// <summary>SELECT * of every table in the public schema; bytea values decoded as UTF-8 and Latin-1 text.</summary>
    public static async Task<string> DumpPostgresAsync(string connectionString)
    {
        var dump = new StringBuilder();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand("SELECT tablename FROM pg_tables WHERE schemaname = 'public'", connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        Assert.Contains("wb_cases", tables);
        foreach (var table in tables)
        {
            // bytea columns render as hex in text form: check their decoded bytes too.
            await using var select = new NpgsqlCommand($"SELECT * FROM \"{table}\"", connection);
            await using var reader = await select.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    var value = reader.IsDBNull(i) ? null : reader.GetValue(i);
                    dump.Append(value is byte[] bytes ? Encoding.UTF8.GetString(bytes) + Encoding.Latin1.GetString(bytes) : value?.ToString()).Append('|');
                }
            }
        }

        return dump.ToString();
    }

    public static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;
}
