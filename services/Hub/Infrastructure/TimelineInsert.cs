using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
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

    // The statement's shape depends only on the model, and a batch's consumers ran this once per
    // batch: the metadata walk and the SQL text are kept per model (one per provider in a process).
    private static readonly ConditionalWeakTable<IModel, Statement> Statements = new();

    public static async Task<int> IfAbsentAsync(HubDbContext db, IReadOnlyList<TimelineRow> rows, CancellationToken ct)
    {
        if (rows.Count == 0)
            return 0;
        var statement = Statements.GetValue(db.Model, _ => Statement.For(db));

        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var inserted = 0;
            foreach (var chunk in rows.Chunk(RowsPerStatement))
                inserted += await InsertAsync(db, chunk, statement, ct);
            return inserted;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task<int> InsertAsync(HubDbContext db, TimelineRow[] rows, Statement statement, CancellationToken ct)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = statement.TextFor(rows.Length);
        var columns = statement.Columns;
        var n = 0;
        foreach (var row in rows)
        {
            foreach (var column in columns)
                command.Parameters.Add(column.Mapping.CreateParameter(command, statement.ParameterName(n++), column.Getter.GetClrValue(row), column.Property.IsNullable));
        }
        return await command.ExecuteNonQueryAsync(ct);
    }

    private sealed record Column(IProperty Property, IClrPropertyGetter Getter, RelationalTypeMapping Mapping);

    /// <summary>The insert for one model: its columns, and its text per row count (built once each).</summary>
    private sealed class Statement(IReadOnlyList<Column> columns, string head, string tail)
    {
        private readonly ConcurrentDictionary<int, string> _texts = new();
        private readonly string[] _parameterNames = Enumerable.Range(0, RowsPerStatement * columns.Count).Select(i => $"@p{i}").ToArray();

        public IReadOnlyList<Column> Columns => columns;

        public string ParameterName(int index) => _parameterNames[index];

        public static Statement For(HubDbContext db)
        {
            var entity = db.Model.FindEntityType(typeof(TimelineRow))!;
            var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
            var mapped = entity.GetProperties().Where(p => p.GetColumnName(table) is not null).ToList();
            var sql = db.GetService<ISqlGenerationHelper>();
            var eventId = entity.FindProperty(nameof(TimelineRow.EventId))!.GetColumnName(table)!;
            var head = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", mapped.Select(p => sql.DelimitIdentifier(p.GetColumnName(table)!)))}) VALUES ";
            var tail = $" ON CONFLICT ({sql.DelimitIdentifier(eventId)}) DO NOTHING";
            return new Statement(mapped.Select(p => new Column(p, p.GetGetter(), p.GetRelationalTypeMapping())).ToList(), head, tail);
        }

        public string TextFor(int rowCount) => _texts.GetOrAdd(rowCount, Build);

        private string Build(int rowCount)
        {
            var text = new StringBuilder(head);
            var n = 0;
            for (var r = 0; r < rowCount; r++)
            {
                text.Append(r == 0 ? "(" : ", (");
                for (var c = 0; c < columns.Count; c++)
                    text.Append(c == 0 ? "" : ", ").Append(_parameterNames[n++]);
                text.Append(')');
            }
            return text.Append(tail).ToString();
        }
    }
}
