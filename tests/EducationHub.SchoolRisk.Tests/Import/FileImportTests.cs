using EducationHub.SchoolRisk.Application.Import;
using EducationHub.SchoolRisk.Infrastructure;
using EducationHub.SchoolRisk.Tests.Support;
using EducationHub.ServiceDefaults.Persistence;
using EducationHub.Testing.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EducationHub.SchoolRisk.Tests.Import;

/// <summary>
/// Whole-file imports on an empty SQLite database, through <see cref="ImportService"/> as the API and
/// the folder import use it: bad input gets a clear error with line numbers, and nothing is lost.
/// </summary>
public sealed class FileImportTests : IAsyncLifetime
{
    private const string Ks4Performance = "URN,KS4 Pupils,Progress 8,Attainment 8,P8 Desc,Academic Year\r\n100001,150,-0.52,40.1,Below average,2024\r\n";
    private const string Ks4SchoolInformation =
        "\"time_period\",\"school_urn\",\"t_pupils\",\"p8_banding\",\"pt_disadvantaged\"\r\n\"202324\",\"100001\",\"150\",\"Below average\",\"30.5\"\r\n";

    private EmptyDatabase<SchoolRiskDbContext> _database = null!;

    public async Task InitializeAsync()
    {
        _database = await EmptyDatabase.CreateAsync<SchoolRiskDbContext>(DatabaseProvider.Sqlite);
        await using var db = _database.Context();
        await db.Database.MigrateAsync();
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Ks4_results_and_school_information_for_one_year_merge_instead_of_overwriting(bool schoolInformationFirst)
    {
        using var performance = new TempCsv(Ks4Performance, name: "ks4_perf_2024.csv");
        using var information = new TempCsv(Ks4SchoolInformation, name: "ks4_school_info_2024.csv");
        var (first, second) = schoolInformationFirst ? (information, performance) : (performance, information);

        var one = await Import(ImportKind.Indicators, first.Path);
        var two = await Import(ImportKind.Indicators, second.Path);

        Assert.Equal(1, one.Inserted);
        Assert.Equal((0, 1, 0), (two.Inserted, two.Updated, two.Unchanged));
        await using (var db = _database.Context())
        {
            var row = await db.Ks4Results.AsNoTracking().SingleAsync();
            Assert.Equal((100001, 2024), (row.Urn, row.Year));
            Assert.Equal(-0.52, row.Progress8);
            Assert.Equal(40.1, row.Attainment8);
            Assert.Equal(30.5, row.DisadvantagedPercent);
            Assert.Equal("Below average", row.Progress8Band);
            Assert.Equal(150, row.Pupils);
        }
        // Re-importing either file changes nothing and says so.
        Assert.Equal(1, (await Import(ImportKind.Indicators, first.Path)).Unchanged);
        Assert.Equal(1, (await Import(ImportKind.Indicators, second.Path)).Unchanged);
    }

    [Fact]
    public async Task A_link_repeated_in_one_file_is_rejected_with_the_line_it_repeats_and_the_rest_imported()
    {
        using var links = new TempCsv(
            "\"URN\",\"LinkURN\",\"LinkName\",\"LinkType\",\"LinkEstablishedDate\"\r\n" +
            "\"100001\",\"100002\",\"Old School\",\"Predecessor\",\"01-09-2015\"\r\n" +
            "\"100003\",\"100004\",\"Other School\",\"Successor\",\"01-09-2016\"\r\n" +
            "\"100001\",\"100002\",\"Old School\",\"Predecessor\",\"02-09-2015\"\r\n" +
            "\"100005\",\"100006\",\"Third School\",\"Successor\",\"01-09-2017\"\r\n",
            name: "links_edubasealldata.csv");

        var report = await Import(ImportKind.Register, links.Path);

        Assert.Equal((4, 3, 1), (report.RowsRead, report.Inserted, report.Rejected));
        var issue = Assert.Single(report.Issues);
        Assert.Equal(4, issue.LineNumber);
        Assert.Contains("repeats line 2", issue.Message, StringComparison.Ordinal);
        await using var db = _database.Context();
        Assert.Equal(3, await db.SchoolLinks.CountAsync());
        Assert.Equal(new DateOnly(2015, 9, 1), (await db.SchoolLinks.SingleAsync(l => l.Urn == 100001, CancellationToken.None)).EstablishedOn);
        Assert.Equal(1, await db.ImportRuns.CountAsync());
    }

    [Theory]
    [InlineData(ImportKind.Register, "")]
    [InlineData(ImportKind.Indicators, "")]
    [InlineData(ImportKind.Indicators, "\uFEFF")]
    [InlineData(ImportKind.Register, "\r\n  \r\n")]
    public async Task An_empty_file_is_refused_as_empty(ImportKind kind, string content)
    {
        using var file = new TempCsv(content, name: "extract.csv");
        var error = await Assert.ThrowsAsync<UnrecognisedFileException>(() => Import(kind, file.Path));
        Assert.Contains("extract.csv", error.Message, StringComparison.Ordinal);
        Assert.Contains("the file is empty", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ImportKind.Indicators, "URN,Income,Expenditure,Balance\r\n100001,100,90,10\r\n", "finance", "Academic Year")]
    [InlineData(ImportKind.Indicators, "URN,Rating\r\n100001,Good\r\n", "ofsted-inspections", "Inspection Date")]
    [InlineData(ImportKind.Register, "URN,Name,Local Authority\r\n100001,A School,330\r\n", "spine-register", "Other URN")]
    [InlineData(ImportKind.Register, "\"URN\",\"LinkURN\",\"LinkName\"\r\n100001,100002,X\r\n", "links", "LinkType")]
    public async Task A_file_close_to_a_known_layout_is_refused_naming_the_missing_columns(ImportKind kind, string content, string layout, string missing)
    {
        using var file = new TempCsv(content, name: "extract.csv");
        var error = await Assert.ThrowsAsync<UnrecognisedFileException>(() => Import(kind, file.Path));
        Assert.Contains(layout, error.Message, StringComparison.Ordinal);
        Assert.Contains($"missing: {missing}", error.Message, StringComparison.Ordinal);
        await using var db = _database.Context();
        Assert.Equal(0, await db.FinanceReturns.CountAsync());
    }

    [Fact]
    public async Task A_file_of_the_other_family_says_which_import_reads_it()
    {
        using var file = new TempCsv("URN,Rating,Inspection Date\r\n100001,Good,20160101\r\n", name: "inspections.csv");
        var error = await Assert.ThrowsAsync<UnrecognisedFileException>(() => Import(ImportKind.Register, file.Path));
        Assert.Contains("ofsted-inspections", error.Message, StringComparison.Ordinal);
        Assert.Contains("indicator", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ImportKind.Indicators, "URN,Rating,Inspection Date\r\n")]
    [InlineData(ImportKind.Register, "URN,Name,Local Authority,Other URN\r\n\r\n")]
    public async Task A_header_only_file_is_refused_as_having_no_data_rows(ImportKind kind, string content)
    {
        using var file = new TempCsv(content, name: "extract.csv");
        var error = await Assert.ThrowsAsync<UnrecognisedFileException>(() => Import(kind, file.Path));
        Assert.Contains("no data rows", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_folder_import_reports_files_it_cannot_read_and_imports_the_rest()
    {
        using var good = new TempCsv("URN,Rating,Inspection Date\r\n100001,Good,20160101\r\n", name: "a_inspections.csv");
        var folder = good.Directory;
        File.WriteAllText(Path.Combine(folder, "b_empty.csv"), "");
        File.WriteAllText(Path.Combine(folder, "c_finance.csv"), "URN,Income,Expenditure,Balance\r\n100001,100,90,10\r\n");
        File.WriteAllText(Path.Combine(folder, "d_unknown.csv"), "Colour,Shape\r\nred,square\r\n");
        File.WriteAllText(Path.Combine(folder, "e_header_only.csv"), "URN,KS5 Pupils,Avg A-level Points,Academic Year\r\n");
        File.WriteAllText(Path.Combine(folder, "README.md"), "# not data\r\n");
        File.WriteAllBytes(Path.Combine(folder, "._a_inspections.csv"), [0, 5, 22, 7, 0, 2, 0, 0]); // macOS resource fork

        await using var db = _database.Context();
        var reports = await new OpenDataFolderImporter(Service(db)).ImportAsync(folder, ImportScope.Everything, "test", CancellationToken.None);

        Assert.Equal(["a_inspections.csv", "b_empty.csv", "c_finance.csv", "d_unknown.csv", "e_header_only.csv"], reports.Select(r => r.FileName).Order(StringComparer.Ordinal));
        Assert.Equal(1, reports.Single(r => r.FileName == "a_inspections.csv").Inserted);
        Assert.Contains("the file is empty", Problem(reports, "b_empty.csv"), StringComparison.Ordinal);
        Assert.Contains("missing: Academic Year", Problem(reports, "c_finance.csv"), StringComparison.Ordinal);
        Assert.Contains("Colour", Problem(reports, "d_unknown.csv"), StringComparison.Ordinal);
        Assert.Contains("no data rows", Problem(reports, "e_header_only.csv"), StringComparison.Ordinal);
        Assert.Equal(1, await db.Inspections.CountAsync());
    }

    private static string Problem(IReadOnlyList<ImportReport> reports, string file) =>
        Assert.Single(reports.Single(r => r.FileName == file).Issues).Message;

    private async Task<ImportReport> Import(ImportKind kind, string path)
    {
        await using var db = _database.Context();
        var (report, _) = await Service(db).ImportFileAsync(kind, path, ImportScope.Everything, "test", "tester", CancellationToken.None);
        return report;
    }

    private static ImportService Service(SchoolRiskDbContext db) =>
        new(db, new SchoolRegisterImporter(db, TimeProvider.System), new IndicatorImporter(db),
            Options.Create(new SchoolRiskOptions()), TimeProvider.System);
}
