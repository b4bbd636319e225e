namespace EducationHub.SchoolRisk.Application.Import;

internal static class AcademicYear
{
    /// <summary>
    /// The year a result belongs to: "2016" stays 2016; DfE's "202324" (academic year 2023/24)
    /// is 2024, the calendar year in which it is published.
    /// </summary>
    public static int Parse(CsvLine line, string column)
    {
        var text = line.Text(column) ?? throw new RowFormatException($"{column} is missing");
        if (text.Length == 4 && int.TryParse(text, out var year) && year is > 1990 and < 2100)
        {
            return year;
        }
        if (text.Length == 6 && int.TryParse(text[..4], out var start) && start is > 1990 and < 2100)
        {
            return start + 1;
        }
        throw new RowFormatException($"{column} '{text}' is not a year");
    }
}
