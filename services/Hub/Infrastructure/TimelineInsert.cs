using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace EducationHub.Hub.Infrastructure;

/// <summary>
/// Adds rows to the timeline, skipping any whose event is already on it, in one multi-row
/// <c>INSERT ... ON CONFLICT (EventId) DO NOTHING</c> (SQLite and PostgreSQL both have it): the
/// consumers hand over a whole group-commit batch's rows at once, so a burst costs one statement
/// per batch instead of one round trip per event. Table, columns and parameter conversions come
/// from the EF model, so the statement follows the mapping (GUID and date storage per provider).
/// Runs on the context's connection and in its current transaction, if any.
/// </summary>
public static class TimelineInsert
{
    // 18 parameters a row: far below SQLite's 32,766 and PostgreSQL's 65,535 per statement.
    private const int RowsPerStatement = 500;

    public static async Task<int> IfAbsentAsync(HubDbContext db, IReadOnlyList<TimelineRow> rows, CancellationToken ct)
    {
        if (rows.Count == 0)
            return 0;
        var entity = db.Model.FindEntityType(typeof(TimelineRow))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var columns = entity.GetProperties()
            .Where(p => p.GetColumnName(table) is not null)
            .Select(p => new Column(p, p.GetColumnName(table)!, p.GetGetter(), p.GetRelationalTypeMapping()))
            .ToList();
        var sql = db.GetService<ISqlGenerationHelper>();
        var eventId = entity.FindProperty(nameof(TimelineRow.EventId))!.GetColumnName(table)!;
        var head = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.Name)))}) VALUES ";
        var tail = $" ON CONFLICT ({sql.DelimitIdentifier(eventId)}) DO NOTHING";

        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var inserted = 0;
            foreach (var chunk in rows.Chunk(RowsPerStatement))
                inserted += await InsertAsync(db, chunk, columns, head, tail, ct);
            return inserted;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task<int> InsertAsync(HubDbContext db, TimelineRow[] rows, List<Column> columns, string head, string tail, CancellationToken ct)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        var text = new StringBuilder(head);
        var n = 0;
        foreach (var row in rows)
        {
            text.Append(n == 0 ? "(" : ", (");
            for (var c = 0; c < columns.Count; c++)
            {
                var name = $"@p{n++}";
                text.Append(c == 0 ? name : ", " + name);
                var column = columns[c];
                command.Parameters.Add(column.Mapping.CreateParameter(command, name, column.Getter.GetClrValue(row), column.Property.IsNullable));
            }
            text.Append(')');
        }
        command.CommandText = text.Append(tail).ToString();
        return await command.ExecuteNonQueryAsync(ct);
    }

    private sealed record Column(IProperty Property, string Name, IClrPropertyGetter Getter, RelationalTypeMapping Mapping);
}
