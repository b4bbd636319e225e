using EducationHub.Grpc;
using EducationHub.Protos.Whistleblowing.V1;
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

    // An unknown status used to list every case, and an unknown state the pending requests: a filter the caller did not ask for.
    [Fact]
    public async Task An_unknown_status_filter_on_ListCases_is_refused_naming_status()
    {
        await using var wb = await WhistleblowingHost.StartAsync();
        var e = await Assert.ThrowsAsync<RpcException>(() => wb.Call<ListCasesRequest, ListCasesResponse>(WhistleblowingHost.Cases + "ListCases",
            new ListCasesRequest { Status = (CaseStatus)99 }, WhistleblowingHost.HandlerToken()));
        Assert.Equal(StatusCode.InvalidArgument, e.StatusCode);
        Assert.Equal("status", Assert.Single(e.GetBadRequest()!.FieldViolations).Field);
    }

    [Fact]
    public async Task An_unknown_state_filter_on_ListIdentityRequests_is_refused_naming_state()
    {
        await using var wb = await WhistleblowingHost.StartAsync();
        var e = await Assert.ThrowsAsync<RpcException>(() => wb.Call<ListIdentityRequestsRequest, ListIdentityRequestsResponse>(WhistleblowingHost.Cases + "ListIdentityRequests",
            new ListIdentityRequestsRequest { State = (IdentityRequestState)99 }, WhistleblowingHost.CustodianToken()));
        Assert.Equal(StatusCode.InvalidArgument, e.StatusCode);
        Assert.Equal("state", Assert.Single(e.GetBadRequest()!.FieldViolations).Field);
        await wb.Call<ListIdentityRequestsRequest, ListIdentityRequestsResponse>(WhistleblowingHost.Cases + "ListIdentityRequests", new ListIdentityRequestsRequest(), WhistleblowingHost.CustodianToken());
    }

    [Fact]
    public async Task An_assigned_to_filter_longer_than_a_handler_name_can_be_is_refused()
    {
        await using var wb = await WhistleblowingHost.StartAsync();
        var e = await Assert.ThrowsAsync<RpcException>(() => wb.Call<ListCasesRequest, ListCasesResponse>(WhistleblowingHost.Cases + "ListCases",
            new ListCasesRequest { AssignedTo = new string('x', 201) }, WhistleblowingHost.HandlerToken()));
        Assert.Equal(StatusCode.InvalidArgument, e.StatusCode);
        Assert.Equal("assigned_to", Assert.Single(e.GetBadRequest()!.FieldViolations).Field);

        // The limit is the one AssignCase puts on a handler's name, so any assignable name can be filtered on.
        await wb.Call<ListCasesRequest, ListCasesResponse>(WhistleblowingHost.Cases + "ListCases", new ListCasesRequest { AssignedTo = new string('x', 200) }, WhistleblowingHost.HandlerToken());
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

    /// <summary>
    /// The idempotency key as a partner's own client sees it (Python grpcio, knowing nothing of our code): a repeat
    /// gets the first receipt, the key with another report a FAILED_PRECONDITION naming it, a malformed key an
    /// INVALID_ARGUMENT naming it.
    /// </summary>
    [Fact]
    public async Task A_python_client_repeating_a_keyed_submission_gets_the_same_receipt_and_a_reused_or_malformed_key_is_refused()
    {
        await using var wb = await WhistleblowingHost.StartAsync();
        const string method = "educationhub.whistleblowing.v1.WhistleblowingIntake/Submit";
        const string report = """{"schoolName": "Park Road Primary", "category": "CONCERN_CATEGORY_SAFEGUARDING", "whatHappened": "Disclosures are not recorded.", "idempotencyKey": "pY3n0Xq8Hk2vR7tL5wJ9aQ"}""";

        var first = await PythonGrpcClient.CallAsync(wb.Host.GrpcAddress, method, report, WhistleblowingHost.PortalToken);
        var again = await PythonGrpcClient.CallAsync(wb.Host.GrpcAddress, method, report, WhistleblowingHost.PortalToken);
        Assert.True(first.Ok, first.RawJson);
        Assert.True(again.Ok, again.RawJson);
        Assert.Equal(first["receiptCode"].GetString(), again["receiptCode"].GetString());
        Assert.Equal(first["receivedAt"].GetString(), again["receivedAt"].GetString());
        Assert.Single((await wb.Call<ListCasesRequest, ListCasesResponse>(WhistleblowingHost.Cases + "ListCases", new ListCasesRequest(), WhistleblowingHost.HandlerToken())).Cases);

        var reused = await PythonGrpcClient.CallAsync(wb.Host.GrpcAddress, method, report.Replace("not recorded", "not recorded at all", StringComparison.Ordinal), WhistleblowingHost.PortalToken);
        Assert.Equal(StatusCode.FailedPrecondition, reused.StatusCode);
        Assert.Equal("idempotency_key", Assert.Single(reused.PreconditionViolations).Subject);
        Assert.Contains("google.rpc.ErrorInfo", reused.DetailTypes);

        var malformed = await PythonGrpcClient.CallAsync(wb.Host.GrpcAddress, method, report.Replace("pY3n0Xq8Hk2vR7tL5wJ9aQ", "short+key", StringComparison.Ordinal), WhistleblowingHost.PortalToken);
        Assert.Equal(StatusCode.InvalidArgument, malformed.StatusCode);
        Assert.Equal("idempotency_key", Assert.Single(malformed.FieldViolations).Field);
        Assert.Single((await wb.Call<ListCasesRequest, ListCasesResponse>(WhistleblowingHost.Cases + "ListCases", new ListCasesRequest(), WhistleblowingHost.HandlerToken())).Cases);
    }
}
