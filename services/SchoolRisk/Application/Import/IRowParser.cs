namespace EducationHub.SchoolRisk.Application.Import;

/// <summary>Turns the rows of one extract layout into domain records.</summary>
public interface IRowParser<out T>
{
    /// <summary>Stable dataset name used in reports and the API ("gias-register", "ks2", ...).</summary>
    string Dataset { get; }

    /// <summary>Whether the file's headers are this layout.</summary>
    bool Recognises(CsvTable table);

    /// <summary>Parses one row or throws <see cref="RowFormatException"/>.</summary>
    T Parse(CsvLine line);
}

public static class RowParsing
{
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
