using EducationHub.Grpc;
using EducationHub.Testing.Grpc;

namespace EducationHub.Whistleblowing.Tests;

/// <summary>Through a third-party client (Python grpcio): every invalid field is named, never a 500.</summary>
public sealed class ValidationTests
{
    [Fact]
    public async Task An_invalid_submission_from_a_python_client_gets_INVALID_ARGUMENT_naming_each_field()
    {
        await using var wb = await WhistleblowingHost.StartAsync();
        var result = await PythonGrpcClient.CallAsync(wb.Host.GrpcAddress, "educationhub.whistleblowing.v1.WhistleblowingIntake/Submit",
            """{"urn": "12345", "passphrase": "short", "attachments": [{"fileName": "x.pdf", "contentType": "application/pdf", "content": "aGVsbG8="}]}""",
            WhistleblowingHost.PortalToken);

        Assert.Equal(StatusCode.InvalidArgument, result.StatusCode);
        var fields = result.FieldViolations.Select(v => v.Field).ToHashSet();
        Assert.Superset(new HashSet<string> { "urn", "category", "what_happened", "passphrase", "attachments[0]" }, fields);
        Assert.Contains(result.FieldViolations, v => v.Field == "attachments[0]" && v.Description.Contains("does not look like", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_python_client_submits_and_reads_back_with_the_receipt_code()
    {
        await using var wb = await WhistleblowingHost.StartAsync();
        var submitted = await PythonGrpcClient.CallAsync(wb.Host.GrpcAddress, "educationhub.whistleblowing.v1.WhistleblowingIntake/Submit",
            """{"schoolName": "Not sure: the primary on Park Road", "category": "CONCERN_CATEGORY_CURRICULUM_NARROWING", "whatHappened": "Music and art were dropped for year 6."}""",
            WhistleblowingHost.PortalToken);
        Assert.True(submitted.Ok, submitted.RawJson);
        var code = submitted["receiptCode"].GetString();

        var read = await PythonGrpcClient.CallAsync(wb.Host.GrpcAddress, "educationhub.whistleblowing.v1.WhistleblowingIntake/ReadConversation",
            "{\"auth\": {\"receipt\": {\"receiptCode\": \"" + code + "\"}}}", WhistleblowingHost.PortalToken);
        Assert.True(read.Ok, read.RawJson);
        Assert.Equal("CASE_STATUS_NEW", read["status"].GetString());
        Assert.True(read["canReply"].GetBoolean());
    }
}
