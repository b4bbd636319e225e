using System.Text;

namespace EducationHub.Hub.Export;

/// <summary>RFC 4180 CSV with a UTF-8 byte order mark, so Excel opens names like "St Mary's – Ladywood" correctly.</summary>
public static class CsvWriter
{
    public static void Write(Stream stream, Sheet sheet)
    {
        using var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true) { NewLine = "\r\n" };
        writer.WriteLine(string.Join(',', sheet.Columns.Select(c => Escape(c.Header))));
        foreach (var row in sheet.Rows)
            writer.WriteLine(string.Join(',', row.Select(Field)));
    }

    /// <summary>A number as itself (a negative number must stay a number, not become text), text escaped.</summary>
    public static string Field(Cell cell) => cell.Number is not null ? cell.ToString() : Escape(cell.ToString());

    public static string Escape(string value)
    {
        // A leading =, +, - or @ would make a spreadsheet evaluate the text as a formula; so would a tab or a
        // carriage return before one, which some spreadsheets skip when they read a field.
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r') value = "'" + value;
        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
