using System.Globalization;
using System.IO.Compression;
using System.Security;
using System.Text;

namespace EducationHub.Hub.Export;

/// <summary>
/// Writes a one-sheet .xlsx (Office Open XML SpreadsheetML) laid out for printing at the
/// meeting: bold shaded header row repeated on every page, frozen under the header, wrapped
/// text, column widths, A4 landscape fitted to one page wide, title in the page header.
/// Written by hand because ClosedXML does not restore here; the format parts are few.
/// </summary>
public static class XlsxWriter
{
    private const string MainNs = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string RelNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    public static void Write(Stream output, Sheet sheet)
    {
        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        Part(zip, "[Content_Types].xml", ContentTypes);
        Part(zip, "_rels/.rels", RootRels);
        Part(zip, "xl/workbook.xml", Workbook(sheet));
        Part(zip, "xl/_rels/workbook.xml.rels", WorkbookRels);
        Part(zip, "xl/styles.xml", Styles);
        Part(zip, "xl/worksheets/sheet1.xml", Worksheet(sheet));
        Part(zip, "docProps/core.xml", Core(sheet));
    }

    private static void Part(ZipArchive zip, string name, string xml)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Fastest);
        using var stream = entry.Open();
        var bytes = new UTF8Encoding(false).GetBytes(xml);
        stream.Write(bytes);
    }

    private static string X(string text) => SecurityElement.Escape(StripInvalid(text));

    /// <summary>XML 1.0 cannot carry most control characters; they never belong in a meeting paper anyway.</summary>
    private static string StripInvalid(string text) =>
        text.Any(c => c < 0x20 && c is not '\t' and not '\n' and not '\r') ? new string(text.Where(c => c >= 0x20 || c is '\t' or '\n' or '\r').ToArray()) : text;

    /// <summary>Excel limits sheet names to 31 characters without []:*?/\ and quotes them in references.</summary>
    public static string SafeSheetName(string name)
    {
        var cleaned = new string(name.Where(c => c is not ('[' or ']' or ':' or '*' or '?' or '/' or '\\' or '\'')).ToArray()).Trim();
        if (cleaned.Length == 0) cleaned = "Sheet1";
        return cleaned.Length > 31 ? cleaned[..31] : cleaned;
    }

    public static string ColumnName(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26) name = (char)('A' + (n - 1) % 26) + name;
        return name;
    }

    private const string ContentTypes =
        """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>""";

    private const string RootRels =
        """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>""";

    private const string WorkbookRels =
        """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>""";

    // Style 0: default. Style 1: header (bold, shaded, wrapped, bordered). Style 2: body (wrapped, top-aligned, bordered).
    private const string Styles =
        """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="2"><font><sz val="10"/><name val="Arial"/></font><font><b/><sz val="10"/><name val="Arial"/></font></fonts><fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFDDE3E8"/><bgColor indexed="64"/></patternFill></fill></fills><borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border><border><left style="thin"><color rgb="FFB1B4B6"/></left><right style="thin"><color rgb="FFB1B4B6"/></right><top style="thin"><color rgb="FFB1B4B6"/></top><bottom style="thin"><color rgb="FFB1B4B6"/></bottom><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf><xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>""";

    private static string Workbook(Sheet sheet)
    {
        var name = SafeSheetName(sheet.Name);
        return $"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="{MainNs}" xmlns:r="{RelNs}"><sheets><sheet name="{X(name)}" sheetId="1" r:id="rId1"/></sheets><definedNames><definedName name="_xlnm.Print_Titles" localSheetId="0">'{X(name)}'!$1:$1</definedName></definedNames></workbook>""";
    }

    private static string Core(Sheet sheet) =>
        $"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>{X(sheet.Title)}</dc:title><dc:creator>EducationHub</dc:creator></cp:coreProperties>""";

    private static string Worksheet(Sheet sheet)
    {
        var sb = new StringBuilder(4096 + sheet.Rows.Count * 512);
        var lastCol = ColumnName(Math.Max(0, sheet.Columns.Count - 1));
        var lastRow = sheet.Rows.Count + 1;
        sb.Append($"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="{MainNs}" xmlns:r="{RelNs}">""");
        sb.Append("""<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>""");
        sb.Append(CultureInfo.InvariantCulture, $"""<dimension ref="A1:{lastCol}{lastRow}"/>""");
        sb.Append("""<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>""");
        sb.Append("<cols>");
        for (var i = 0; i < sheet.Columns.Count; i++)
            sb.Append(CultureInfo.InvariantCulture, $"""<col min="{i + 1}" max="{i + 1}" width="{sheet.Columns[i].Width:0.##}" customWidth="1"/>""");
        sb.Append("</cols><sheetData>");
        AppendRow(sb, 1, sheet.Columns.Select(c => (Cell)c.Header).ToList(), style: 1);
        for (var r = 0; r < sheet.Rows.Count; r++) AppendRow(sb, r + 2, sheet.Rows[r], style: 2);
        sb.Append("</sheetData>");
        sb.Append(CultureInfo.InvariantCulture, $"""<autoFilter ref="A1:{lastCol}{lastRow}"/>""");
        sb.Append("""<printOptions gridLines="0"/><pageMargins left="0.4" right="0.4" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>""");
        sb.Append("""<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>""");
        sb.Append($"""<headerFooter><oddHeader>&amp;L&amp;B{X(sheet.Title.Replace("&", "&&", StringComparison.Ordinal))}</oddHeader><oddFooter>&amp;LOFFICIAL-SENSITIVE&amp;RPage &amp;P of &amp;N</oddFooter></headerFooter>""");
        sb.Append("</worksheet>");
        return sb.ToString();
    }

    private static void AppendRow(StringBuilder sb, int rowNumber, IReadOnlyList<Cell> cells, int style)
    {
        sb.Append(CultureInfo.InvariantCulture, $"""<row r="{rowNumber}">""");
        for (var c = 0; c < cells.Count; c++)
        {
            var reference = ColumnName(c) + rowNumber.ToString(CultureInfo.InvariantCulture);
            if (cells[c].Number is { } n && double.IsFinite(n))
                sb.Append(CultureInfo.InvariantCulture, $"""<c r="{reference}" s="{style}"><v>{n.ToString("R", CultureInfo.InvariantCulture)}</v></c>""");
            else
                sb.Append(CultureInfo.InvariantCulture, $"""<c r="{reference}" s="{style}" t="inlineStr"><is><t xml:space="preserve">{X(cells[c].Text ?? "")}</t></is></c>""");
        }
        sb.Append("</row>");
    }
}
