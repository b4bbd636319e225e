namespace EducationHub.Hub.Export;

/// <summary>A spreadsheet cell: text or a number (numbers stay numbers so the sheet can sort and sum them).</summary>
public readonly record struct Cell(string? Text, double? Number)
{
    public static implicit operator Cell(string? text) => new(text ?? "", null);
    public static implicit operator Cell(int number) => new(null, number);
    public static implicit operator Cell(double number) => new(null, number);

    public override string ToString() =>
        Number is { } n ? n.ToString(System.Globalization.CultureInfo.InvariantCulture) : Text ?? "";
}

/// <summary>A table to export: a title (printed in the page header), column headers with widths, rows.</summary>
public sealed record Sheet(string Name, string Title, IReadOnlyList<(string Header, double Width)> Columns, IReadOnlyList<IReadOnlyList<Cell>> Rows);
