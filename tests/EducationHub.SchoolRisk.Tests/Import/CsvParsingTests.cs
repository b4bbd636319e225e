using System.Text;
using EducationHub.SchoolRisk.Application.Import;
using EducationHub.SchoolRisk.Domain;
using EducationHub.SchoolRisk.Tests.Support;

namespace EducationHub.SchoolRisk.Tests.Import;

public sealed class CsvParsingTests
{
    [Fact]
    public void Spine_file_is_read_as_windows_1252_and_every_row_parses()
    {
        using var table = CsvTable.Open(SharedData.File("school_details_2018.csv"));
        var parser = new SpineRegisterParser();
        Assert.True(parser.Recognises(table));
        var report = new ImportReport(parser.Dataset, table.Name);
        var records = table.Records(parser, report).ToList();

        Assert.Equal("windows-1252", report.Encoding);
        Assert.Equal(26078, records.Count);
        Assert.Equal(0, report.Rejected);
        Assert.Equal(503, records.Count(r => r.LaCode == "330"));
        var closed = records.Single(r => r.Urn == 100128);
        Assert.Equal(new DateOnly(2017, 10, 31), closed.ClosedOn);
        // Names with non-ASCII characters decode through 1252, never to U+FFFD.
        Assert.DoesNotContain(records, r => r.Name.Contains('\uFFFD', StringComparison.Ordinal));
    }

    [Fact]
    public void Gias_layout_reads_dates_trusts_federations_and_status()
    {
        using var table = CsvTable.Open(SharedData.GiasSample);
        var parser = new GiasRegisterParser();
        Assert.True(parser.Recognises(table));
        Assert.False(new SpineRegisterParser().Recognises(table));
        var report = new ImportReport(parser.Dataset, table.Name);
        var records = table.Records(parser, report).ToList();

        Assert.Equal(4, records.Count);
        var allThrough = records.Single(r => r.Urn == 100171);
        Assert.Equal("203", allThrough.LaCode);
        Assert.Equal("Greenwich", allThrough.LaName);
        Assert.Equal("All through", allThrough.Phase);
        Assert.Equal("Koinonia Federation", allThrough.FederationName);
        Assert.Equal(SchoolStatus.Open, allThrough.Status);
        Assert.Equal(952, allThrough.NumberOfPupils);
    }

    [Fact]
    public void Malformed_rows_are_reported_with_line_numbers_and_the_rest_imported()
    {
        const string csv = """
            URN,Rating,Inspection Date
            100000,Outstanding,20130418
            abc,Good,20120101
            100001,Brilliant,20120101
            100002,Good,2012-13-45
            100003,"Good,20120101
            """;
        using var file = new TempCsv(csv.Replace("\n", "\r\n", StringComparison.Ordinal) + "\r\n100004,Inadequate,20160301\r\n");
        using var table = CsvTable.Open(file.Path);
        var parser = new InspectionParser();
        var report = new ImportReport(parser.Dataset, table.Name);
        var records = table.Records(parser, report).ToList();

        Assert.Contains(records, r => r.Urn == 100000 && r.Grade == OfstedGrade.Outstanding);
        Assert.Contains(report.Issues, i => i.LineNumber == 3 && i.Message.Contains("URN", StringComparison.Ordinal));
        Assert.Contains(report.Issues, i => i.LineNumber == 4 && i.Message.Contains("Brilliant", StringComparison.Ordinal));
        Assert.Contains(report.Issues, i => i.LineNumber == 5 && i.Message.Contains("date", StringComparison.Ordinal));
        Assert.Contains(report.Issues, i => i.LineNumber == 6 && i.Message.Contains("quote", StringComparison.Ordinal));
        // The unbalanced quote on line 6 must not swallow the next line: it is imported, and nothing else is rejected.
        Assert.Contains(records, r => r.Urn == 100004 && r.Grade == OfstedGrade.Inadequate);
        Assert.Equal(4, report.Rejected);
        Assert.Equal(5, report.RowsRead);
    }

    [Fact]
    public void An_unbalanced_quote_is_reported_and_every_following_line_still_read()
    {
        const string csv =
            "URN,Rating,Inspection Date\r\n" +
            "100001,Good,20120101\r\n" +
            "100002,\"Good,20120102\r\n" +
            "100003,\"Good\",20120103\r\n" +
            "100004,Good,20120104\r\n" +
            "100005,\"Very \"\"good\"\"\",20120105\r\n" +
            "100006,\"Outstanding\",\"20120106\"\r\n";
        using var file = new TempCsv(csv);
        using var table = CsvTable.Open(file.Path);
        var parser = new InspectionParser();
        var report = new ImportReport(parser.Dataset, table.Name);
        var records = table.Records(parser, report).ToList();

        Assert.Equal([100001, 100003, 100004, 100006], records.Select(r => r.Urn));
        Assert.Collection(report.Issues,
            i => Assert.Equal((3L, true), (i.LineNumber, i.Message.Contains("quote", StringComparison.Ordinal))),
            i => Assert.Equal((6L, true), (i.LineNumber, i.Message.Contains("'Very \"good\"'", StringComparison.Ordinal))));
    }

    [Fact]
    public void Every_open_data_file_is_one_record_per_line_with_no_malformed_lines()
    {
        // None of the real extracts has a line break inside a quoted field (checked when choosing how an
        // unbalanced quote is recovered from): every non-blank line after the header is exactly one row.
        var files = Directory.EnumerateFiles(SharedData.Root, "*.csv", SearchOption.AllDirectories).ToList();
        Assert.True(files.Count >= 19);
        foreach (var path in files)
        {
            using var table = CsvTable.Open(path);
            var malformed = new List<string>();
            var rows = table.Rows((line, message) => malformed.Add($"{line}: {message}")).Count();
            Assert.Empty(malformed);
            Assert.Equal(File.ReadLines(path).Count(l => !string.IsNullOrWhiteSpace(l)) - 1, rows);
        }
    }

    [Fact]
    public void A_quoted_field_may_span_lines_when_the_record_it_forms_is_well_formed()
    {
        const string csv =
            "URN,Name,Local Authority,Other URN\r\n" +
            "100001,\"Line one\r\nline two\",330,\r\n" +
            "abc,Bad Urn School,330,\r\n" +
            "100002,\"Plain \"\"quoted\"\" name\",330,\r\n";
        using var file = new TempCsv(csv);
        using var table = CsvTable.Open(file.Path);
        var parser = new SpineRegisterParser();
        var report = new ImportReport(parser.Dataset, table.Name);
        var records = table.Records(parser, report).ToList();

        Assert.Equal(["Line one\nline two", "Plain \"quoted\" name"], records.Select(r => r.Name));
        var issue = Assert.Single(report.Issues);
        Assert.Equal(4, issue.LineNumber);
    }

    [Fact]
    public void Utf8_with_bom_and_plain_utf8_are_detected()
    {
        var text = "URN,Name\r\n100000,Ysgol Gymraeg Llundain – Ffion's\r\n";
        using var withBom = new TempCsv(text, new UTF8Encoding(true));
        using var plain = new TempCsv(text, new UTF8Encoding(false));
        using var latin = new TempCsv(TextEncodingDetector.Latin1Fallback.GetBytes("URN,Name\r\n100000,Caf\u00e9 School\r\n"));

        using (var t = CsvTable.Open(withBom.Path)) Assert.Equal("utf-8", t.Encoding.WebName);
        using (var t = CsvTable.Open(plain.Path)) Assert.Equal("utf-8", t.Encoding.WebName);
        using (var t = CsvTable.Open(latin.Path)) Assert.Equal("windows-1252", t.Encoding.WebName);
        using (var t = CsvTable.Open(withBom.Path))
        {
            Assert.Equal("URN", t.Headers[0]);
        }
    }

    [Fact]
    public void Ks4_school_information_treats_suppression_markers_as_missing()
    {
        using var table = CsvTable.Open(SharedData.File("ks4_school_info_2024.csv"));
        var parser = new Ks4SchoolInformationParser();
        Assert.True(parser.Recognises(table));
        var report = new ImportReport(parser.Dataset, table.Name);
        var records = table.Records(parser, report).ToList();

        Assert.Equal(5709, records.Count);
        Assert.Equal(0, report.Rejected);
        Assert.All(records, r => Assert.Equal(2024, r.Year));
        var independent = records.Single(r => r.Urn == 100544);
        Assert.Null(independent.Progress8Band);
        Assert.Null(independent.DisadvantagedPercent);
        Assert.Contains(records, r => r.Progress8Band == "Well below average");
    }

    [Theory]
    [InlineData("Requires Improvement", OfstedGrade.RequiresImprovement, 3)]
    [InlineData("Satisfactory", OfstedGrade.Satisfactory, 3)]
    [InlineData("Urgent improvement", OfstedGrade.UrgentImprovement, 4)]
    [InlineData("Needs attention", OfstedGrade.NeedsAttention, 3)]
    [InlineData("Exceptional", OfstedGrade.Exceptional, 1)]
    [InlineData("Expected standard", OfstedGrade.Expected, 2)]
    public void Old_and_report_card_grades_share_one_severity_scale(string text, OfstedGrade grade, int severity)
    {
        Assert.True(OfstedGrades.TryParse(text, out var parsed));
        Assert.Equal(grade, parsed);
        Assert.Equal(severity, parsed.Severity());
    }

    [Fact]
    public void Results_and_finance_are_published_on_15_december_of_their_year()
    {
        using var table = CsvTable.Open(SharedData.File("ks2_perf_2016.csv"));
        var report = new ImportReport("ks2", table.Name);
        var first = table.Records(new Ks2Parser(), report).First();
        Assert.Equal(new DateOnly(2016, 12, 15), first.PublishedOn);
    }
}
