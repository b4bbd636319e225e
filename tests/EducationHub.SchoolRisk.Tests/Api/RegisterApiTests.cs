using EducationHub.Grpc;
using EducationHub.Messaging.Outbox;
using EducationHub.Protos.SchoolRisk.V1;
using EducationHub.SchoolRisk.Infrastructure;
using EducationHub.SchoolRisk.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EducationHub.SchoolRisk.Tests.Api;

[Collection(SchoolRiskHostCollection.Name)]
public sealed class RegisterApiTests(SchoolRiskHostFixture fixture)
{
    [Fact]
    public void Register_import_keeps_only_the_requested_local_authority()
    {
        var import = fixture.RegisterImport;
        Assert.Equal("spine-register", import.Dataset);
        Assert.Equal("windows-1252", import.Encoding);
        Assert.Equal(26078, import.RowsRead);
        Assert.Equal(503, import.Inserted);
        Assert.Equal(26078 - 503, import.FilteredOut);
    }

    [Fact]
    public async Task Reimporting_the_same_file_changes_nothing()
    {
        var again = await fixture.Import("ImportRegister", "school_details_2018.csv");
        Assert.Equal(0, again.Inserted);
        Assert.Equal(0, again.Updated);
        Assert.Equal(503, again.Unchanged);

        var inspections = await fixture.Import("ImportIndicators", "ofsted_inspections_to_2017-12-31.csv");
        Assert.Equal(0, inspections.Inserted + inspections.Updated);
        Assert.True(inspections.Unchanged > 1000);
    }

    [Fact]
    public async Task ListSchools_filters_and_pages()
    {
        var first = await fixture.Call<ListSchoolsRequest, ListSchoolsResponse>("ListSchools",
            new ListSchoolsRequest { LaCode = "330", Phase = "primary", Status = "open", PageSize = 100 }, fixture.ReaderToken);
        Assert.Equal(100, first.Schools.Count);
        Assert.All(first.Schools, s => Assert.Equal(("330", "Primary", "open"), (s.LaCode, s.Phase, s.Status)));
        Assert.NotEmpty(first.NextPageToken);

        var second = await fixture.Call<ListSchoolsRequest, ListSchoolsResponse>("ListSchools",
            new ListSchoolsRequest { LaCode = "330", Phase = "primary", Status = "open", PageSize = 100, PageToken = first.NextPageToken }, fixture.ReaderToken);
        Assert.True(second.Schools[0].Urn > first.Schools[^1].Urn);
        Assert.Equal(first.TotalCount, second.TotalCount);

        var none = await fixture.Call<ListSchoolsRequest, ListSchoolsResponse>("ListSchools", new ListSchoolsRequest { LaCode = "201" }, fixture.ReaderToken);
        Assert.Empty(none.Schools);
    }

    [Fact]
    public async Task GetSchool_follows_history_across_urns()
    {
        // Find an LA 330 academy with a predecessor URN in the links file and check its history comes along.
        var academies = await fixture.Call<ListSchoolsRequest, ListSchoolsResponse>("ListSchools",
            new ListSchoolsRequest { LaCode = "330", EstablishmentType = "Academy", PageSize = 500 }, fixture.ReaderToken);
        SchoolDetail? withHistory = null;
        foreach (var academy in academies.Schools)
        {
            var detail = await fixture.Call<GetSchoolRequest, SchoolDetail>("GetSchool", new GetSchoolRequest { Urn = academy.Urn }, fixture.ReaderToken);
            if (detail.Predecessors.Count > 0 && detail.Inspections.Any(i => i.Urn != academy.Urn))
            {
                withHistory = detail;
                break;
            }
        }
        Assert.NotNull(withHistory);
        Assert.Contains(withHistory!.Inspections, i => withHistory.Predecessors.Any(p => p.Urn == i.Urn));
    }

    [Fact]
    public async Task Validation_errors_name_the_fields()
    {
        var ex = await Assert.ThrowsAsync<RpcException>(() => fixture.Call<ListSchoolsRequest, ListSchoolsResponse>("ListSchools",
            new ListSchoolsRequest { LaCode = "Birmingham", PageSize = 1000, Status = "shut" }, fixture.ReaderToken));
        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        var fields = ex.GetBadRequest()!.FieldViolations.Select(v => v.Field).ToList();
        Assert.Contains("la_code", fields);
        Assert.Contains("page_size", fields);
        Assert.Contains("status", fields);

        var missing = await Assert.ThrowsAsync<RpcException>(() => fixture.Call<GetSchoolRequest, SchoolDetail>("GetSchool", new GetSchoolRequest { Urn = 999999 }, fixture.ReaderToken));
        Assert.Equal(StatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Imports_refuse_paths_outside_the_import_folder_and_need_the_admin_scope()
    {
        var escape = await Assert.ThrowsAsync<RpcException>(() => fixture.Call<ImportRequest, ImportResult>("ImportRegister",
            new ImportRequest { ServerPath = "../../../etc/passwd" }, fixture.AdminToken));
        Assert.Equal(StatusCode.InvalidArgument, escape.StatusCode);
        Assert.Contains(escape.GetBadRequest()!.FieldViolations, v => v.Field == "server_path");

        var denied = await Assert.ThrowsAsync<RpcException>(() => fixture.Call<ImportRequest, ImportResult>("ImportRegister",
            new ImportRequest { ServerPath = "school_details_2018.csv" }, fixture.ReaderToken));
        Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);

        var wrongKind = await Assert.ThrowsAsync<RpcException>(() => fixture.Call<ImportRequest, ImportResult>("ImportIndicators",
            new ImportRequest { ServerPath = "school_details_2018.csv" }, fixture.AdminToken));
        Assert.Equal(StatusCode.InvalidArgument, wrongKind.StatusCode);
    }

    [Fact]
    public async Task Uploaded_bytes_with_bad_rows_import_the_good_ones_and_report_the_rest()
    {
        var csv = "URN,KS5 Pupils,Avg A-level Points,Avg A-level Grade,Academic Year\r\n"
            + "103500,100,30.5,C,2016\r\n"
            + "103501,abc,30.5,C,2016\r\n"
            + "103500,90,31.0,C,2016\r\n";
        var result = await fixture.Call<ImportRequest, ImportResult>("ImportIndicators",
            new ImportRequest { Content = Google.Protobuf.ByteString.CopyFromUtf8(csv), FileName = "ks5_extract.csv" }, fixture.AdminToken);

        Assert.Equal("ks5", result.Dataset);
        Assert.Equal(1, result.Inserted);
        Assert.Equal(2, result.Rejected);
        Assert.Contains(result.Issues, i => i.LineNumber == 3 && i.Message.Contains("KS5 Pupils", StringComparison.Ordinal));
        Assert.Contains(result.Issues, i => i.LineNumber == 4 && i.Message.Contains("line 2", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_newer_gias_extract_updates_the_school_and_records_what_changed()
    {
        var original = await File.ReadAllTextAsync(SharedData.GiasSample, System.Text.Encoding.Latin1);
        var first = await fixture.Call<ImportRequest, ImportResult>("ImportRegister",
            new ImportRequest { Content = Google.Protobuf.ByteString.CopyFrom(System.Text.Encoding.Latin1.GetBytes(original)), FileName = "edubase_sample.csv" }, fixture.AdminToken);
        Assert.Equal("gias-register", first.Dataset);
        Assert.Equal(4, first.Inserted + first.Updated + first.Unchanged);

        var renamed = original.Replace("St Thomas' CofE Primary School", "St Thomas' Church of England Primary School", StringComparison.Ordinal);
        var second = await fixture.Call<ImportRequest, ImportResult>("ImportRegister",
            new ImportRequest { Content = Google.Protobuf.ByteString.CopyFrom(System.Text.Encoding.Latin1.GetBytes(renamed)), FileName = "edubase_newer.csv" }, fixture.AdminToken);
        Assert.Equal((1, 3), (second.Updated, second.Unchanged));

        var school = await fixture.Call<GetSchoolRequest, SchoolDetail>("GetSchool", new GetSchoolRequest { Urn = 100492 }, fixture.ReaderToken);
        Assert.Equal("St Thomas' Church of England Primary School", school.School.Name);
        Assert.Equal("Kensington and Chelsea", school.School.LaName);
        // The extract's latest judgement (Outstanding, 05-11-2014) joins the inspection history.
        Assert.Contains(school.Inspections, i => i.InspectedOn == "2014-11-05" && i.Grade == "Outstanding");

        await using var scope = fixture.Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SchoolRiskDbContext>();
        var change = Assert.Single(await db.RegisterChanges.Where(c => c.Urn == 100492).ToListAsync());
        Assert.Equal(("Name", "St Thomas' CofE Primary School"), (change.Field, change.OldValue));
        Assert.True(await db.Set<OutboxMessage>().CountAsync(m => m.Type.Contains("SchoolRegistered") && m.Payload.Contains("100492")) >= 2);
    }
}
