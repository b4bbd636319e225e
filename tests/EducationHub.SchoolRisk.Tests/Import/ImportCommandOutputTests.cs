using EducationHub.SchoolRisk.Application.Cli;
using EducationHub.SchoolRisk.Application.Import;

namespace EducationHub.SchoolRisk.Tests.Import;

public sealed class ImportCommandOutputTests
{
    [Fact]
    public void A_file_with_more_problems_than_the_console_shows_says_how_many_more()
    {
        var report = new ImportReport("ks2", "ks2_perf_2018.csv");
        for (var line = 2; line < 2 + 612; line++) report.Reject(line, "URN is not a number");

        var lines = ImportCommand.IssueLines(report).ToList();

        Assert.Equal(ImportCommand.IssuesShown + 1, lines.Count);
        Assert.Equal("    line 2: URN is not a number", lines[0]);
        // The count is exact although the report keeps only the first 500 in detail.
        Assert.StartsWith("    and 607 more", lines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_with_few_problems_lists_them_all_and_says_nothing_more()
    {
        var report = new ImportReport("ks2", "ks2_perf_2018.csv");
        report.Reject(7, "repeats the row for URN 100000 on line 3");

        Assert.Equal(["    line 7: repeats the row for URN 100000 on line 3"], ImportCommand.IssueLines(report));
        Assert.Empty(ImportCommand.IssueLines(new ImportReport("ks2", "clean.csv")));
    }
}
