using System.Globalization;
using System.Text;
using EducationHub.Grpc;
using EducationHub.Grpc.Client;
using EducationHub.Protos.SchoolRisk.V1;
using EducationHub.SchoolRisk.Infrastructure;
using EducationHub.ServiceDefaults.Persistence;
using EducationHub.Testing.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EducationHub.SchoolRisk.Tests.Api;

/// <summary>
/// Imports and AssessAll commit in batches of 2,000: when a later batch fails, what the earlier ones
/// committed must still be attributable to the caller in the audit log. Each test has its own host
/// so the injected failure (a SQLite trigger) touches no other test.
/// </summary>
public sealed class BatchedRunAuditTests
{
    private const int FirstBatch = 2000;
    private const int Schools = FirstBatch + 100;
    private const int FirstUrn = 900001;
    private const int LastUrn = FirstUrn + Schools - 1;

    [Fact]
    public async Task An_import_that_fails_after_its_first_batch_is_still_audited()
    {
        await using var host = await SchoolRiskHostFixture.StartHostAsync(new Dictionary<string, string?>());
        await FailInsertsOf(host, "schools", LastUrn);
        var admin = host.IssueToken("failing-importer", "risk.admin", "risk.read");

        await Assert.ThrowsAsync<RpcException>(() => ImportRegister(host, admin));

        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SchoolRiskDbContext>();
        Assert.Equal(FirstBatch, await db.Schools.CountAsync());
        Assert.Contains(await db.Set<AuditEntry>().AsNoTracking().ToListAsync(),
            a => a.Organisation == "failing-importer" && a.EntityType == "import");
    }

    [Fact]
    public async Task An_assessment_run_that_fails_after_its_first_batch_is_still_audited()
    {
        await using var host = await SchoolRiskHostFixture.StartHostAsync(new Dictionary<string, string?>());
        var admin = host.IssueToken("failing-assessor", "risk.admin", "risk.read");
        await ImportRegister(host, admin);
        await FailInsertsOf(host, "assessments", LastUrn);

        await Assert.ThrowsAsync<RpcException>(() => host.Client.UnaryAsync<AssessAllRequest, AssessAllResponse>(
            SchoolRiskHostFixture.Service + "AssessAll", new AssessAllRequest { AsOf = "2017-12-31" }, Options(admin)));

        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SchoolRiskDbContext>();
        Assert.Equal(FirstBatch, await db.Assessments.CountAsync());
        Assert.Contains(await db.Set<AuditEntry>().AsNoTracking().ToListAsync(),
            a => a.Organisation == "failing-assessor" && a.Action == "assessment.run");
    }

    private static Task<ImportResult> ImportRegister(TestServiceHost host, string token) =>
        host.Client.UnaryAsync<ImportRequest, ImportResult>(SchoolRiskHostFixture.Service + "ImportRegister",
            new ImportRequest { Content = Google.Protobuf.ByteString.CopyFromUtf8(SpineRegister()), FileName = "school_details.csv" }, Options(token));

    private static CallOptions Options(string token) => new() { BearerToken = token, Timeout = TimeSpan.FromSeconds(60) };

    /// <summary>A spine-layout register of open primaries, URNs in file order.</summary>
    private static string SpineRegister()
    {
        var csv = new StringBuilder("URN,Name,Status,Type,Primary,Secondary,Post 16,Other URN,Local Authority\r\n");
        for (var urn = FirstUrn; urn <= LastUrn; urn++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{urn},Test Primary {urn},1,Maintained School,1,0,0,,999\r\n");
        }
        return csv.ToString();
    }

    /// <summary>Makes the database refuse one row, so the batch holding it fails after earlier batches committed.</summary>
    private static async Task FailInsertsOf(TestServiceHost host, string table, int urn)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SchoolRiskDbContext>();
        await db.Database.ExecuteSqlRawAsync(string.Create(CultureInfo.InvariantCulture,
            $"CREATE TRIGGER fail_{table} BEFORE INSERT ON {table} WHEN NEW.Urn = {urn} BEGIN SELECT RAISE(ABORT, 'injected failure'); END"));
    }
}
