using System.IO.Compression;
using System.Xml.Linq;
using EducationHub.Hub.Export;

namespace EducationHub.Hub.Tests.Export;

public class XlsxWriterTests
{
    private static readonly XNamespace Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    private static ZipArchive Write(Sheet sheet)
    {
        var buffer = new MemoryStream();
        XlsxWriter.Write(buffer, sheet);
        buffer.Position = 0;
        return new ZipArchive(buffer, ZipArchiveMode.Read);
    }

    private static XDocument Part(ZipArchive zip, string name)
    {
        using var stream = zip.GetEntry(name)!.Open();
        return XDocument.Load(stream);
    }

    private static readonly Sheet Sample = new("Risk list 2026-11", "EIG risk list November 2026 (DRAFT) & more",
        [("Rank", 6), ("School", 30), ("Reasons", 70)],
        [[1, "St Mary's <CofE> & \"Primary\"", "• line one\n• line two"], [2, "Oak\u0001ridge", 12.5]]);

    [Fact]
    public void Writes_the_parts_a_spreadsheet_needs_as_well_formed_xml()
    {
        using var zip = Write(Sample);
        foreach (var name in new[] { "[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml", "xl/worksheets/sheet1.xml" })
            Assert.NotNull(Part(zip, name).Root);
    }

    [Fact]
    public void Cells_keep_text_escaped_numbers_numeric_and_drop_control_characters()
    {
        using var zip = Write(Sample);
        var cells = Part(zip, "xl/worksheets/sheet1.xml").Descendants(Main + "c").ToList();
        Assert.Equal(9, cells.Count);
        var school = cells.Single(c => (string?)c.Attribute("r") == "B2");
        Assert.Equal("inlineStr", (string?)school.Attribute("t"));
        Assert.Equal("St Mary's <CofE> & \"Primary\"", school.Descendants(Main + "t").Single().Value);
        Assert.Equal("12.5", cells.Single(c => (string?)c.Attribute("r") == "C3").Element(Main + "v")!.Value);
        Assert.Equal("Oakridge", cells.Single(c => (string?)c.Attribute("r") == "B3").Descendants(Main + "t").Single().Value);
    }

    [Fact]
    public void Is_laid_out_for_printing_landscape_one_page_wide_with_the_header_repeated_and_bold()
    {
        using var zip = Write(Sample);
        var sheet = Part(zip, "xl/worksheets/sheet1.xml").Root!;
        var setup = sheet.Element(Main + "pageSetup")!;
        Assert.Equal("landscape", (string?)setup.Attribute("orientation"));
        Assert.Equal("1", (string?)setup.Attribute("fitToWidth"));
        Assert.Equal("0", (string?)setup.Attribute("fitToHeight"));
        Assert.Equal("1", (string?)sheet.Element(Main + "sheetPr")!.Element(Main + "pageSetUpPr")!.Attribute("fitToPage"));
        Assert.Equal(["6", "30", "70"], sheet.Element(Main + "cols")!.Elements().Select(c => (string)c.Attribute("width")!));
        Assert.Contains("&&", sheet.Element(Main + "headerFooter")!.Element(Main + "oddHeader")!.Value); // a literal & in a page header is doubled

        var titles = Part(zip, "xl/workbook.xml").Descendants(Main + "definedName").Single();
        Assert.Equal("_xlnm.Print_Titles", (string?)titles.Attribute("name"));
        Assert.Equal("'Risk list 2026-11'!$1:$1", titles.Value);

        var headerStyle = int.Parse((string)sheet.Descendants(Main + "c").First().Attribute("s")!, System.Globalization.CultureInfo.InvariantCulture);
        var styles = Part(zip, "xl/styles.xml").Root!;
        var xf = styles.Element(Main + "cellXfs")!.Elements().ElementAt(headerStyle);
        var font = styles.Element(Main + "fonts")!.Elements().ElementAt(int.Parse((string)xf.Attribute("fontId")!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.NotNull(font.Element(Main + "b"));
    }

    [Theory]
    [InlineData(0, "A")]
    [InlineData(25, "Z")]
    [InlineData(26, "AA")]
    [InlineData(701, "ZZ")]
    public void Names_columns_like_a_spreadsheet(int index, string name) => Assert.Equal(name, XlsxWriter.ColumnName(index));

    [Fact]
    public void Csv_quotes_what_needs_quoting_and_defuses_formulas()
    {
        Assert.Equal("\"a, b\"", CsvWriter.Escape("a, b"));
        Assert.Equal("\"say \"\"hi\"\"\"", CsvWriter.Escape("say \"hi\""));
        Assert.Equal("'=SUM(A1)", CsvWriter.Escape("=SUM(A1)"));
        Assert.Equal("'\t=cmd|' /C calc'!A0", CsvWriter.Escape("\t=cmd|' /C calc'!A0"));
        Assert.Equal("\"'\r=1+1\"", CsvWriter.Escape("\r=1+1"));
        Assert.Equal("'-2+3", CsvWriter.Field("-2+3"));
        Assert.Equal("-3", CsvWriter.Field(-3)); // a number stays a number
    }
}
