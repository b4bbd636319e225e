namespace EducationHub.SchoolRisk.Application.Import;

/// <summary>Turns the rows of one extract layout into domain records.</summary>
public interface IRowParser<out T>
{
    /// <summary>Stable dataset name used in reports and the API ("gias-register", "ks2", ...).</summary>
    string Dataset { get; }

    /// <summary>
    /// The columns a file of this layout must have, each group satisfied by any one of its names
    /// (Ofsted's open-data and management-information names differ). Used to name what a nearly
    /// matching file lacks.
    /// </summary>
    IReadOnlyList<string[]> RequiredColumns { get; }

    /// <summary>Whether the file's headers are this layout (every <see cref="RequiredColumns"/> group present).</summary>
    bool Recognises(CsvTable table);

    /// <summary>Parses one row or throws <see cref="RowFormatException"/>.</summary>
    T Parse(CsvLine line);
}

public static class RowParsing
{
    /// <summary>Whether <paramref name="table"/> has a column from every group of <paramref name="required"/>.</summary>
    public static bool HasRequired(this CsvTable table, IReadOnlyList<string[]> required) =>
        required.All(group => group.Any(table.HasColumn));

    /// <summary>Streams parsed records, reporting (and skipping) any row that fails.</summary>
    public static IEnumerable<T> Records<T>(this CsvTable table, IRowParser<T> parser, ImportReport report) =>
        table.RecordsWithLines(parser, report).Select(r => r.Record);

    /// <summary>As <see cref="Records{T}"/>, with each record's line number (for duplicate-key reports).</summary>
    public static IEnumerable<(T Record, long Line)> RecordsWithLines<T>(this CsvTable table, IRowParser<T> parser, ImportReport report)
    {
        report.Encoding = table.Encoding.WebName;
        foreach (var line in table.Rows(report.Reject))
        {
            report.RowsRead++;
            T record;
            try
            {
                record = parser.Parse(line);
            }
            catch (RowFormatException ex)
            {
                report.Reject(line.LineNumber, ex.Message);
                continue;
            }
            yield return (record, line.LineNumber);
        }
    }
}

/// <summary>
/// A layout that fills only some columns of a table another layout also writes: an import merges
/// each row into the stored one instead of replacing it.
/// </summary>
public interface IRowMerger<T>
{
    /// <summary>
    /// <paramref name="existing"/> with this layout's columns taken from <paramref name="incoming"/>
    /// (same key). Returns a new object; neither argument is changed.
    /// </summary>
    T Merge(T existing, T incoming);
}
