using EducationHub.Grpc;
using EducationHub.Protos.Whistleblowing.V1;
using EducationHub.Testing.Auth;

namespace EducationHub.Whistleblowing.Tests;

/// <summary>A handler sees the reporter's identity only after a custodian approves their own reasoned request.</summary>
public sealed class IdentityCustodyTests
{
    [Fact]
    public async Task Identity_is_revealed_only_to_the_requesting_handler_after_custodian_approval_and_every_step_is_audited()
    {
        await using var wb = await WhistleblowingHost.StartAsync();
        await wb.SubmitAsync(WhistleblowingHost.SampleReport("Ibis"));
        var id = (await wb.OnlyCaseAsync()).CaseId;
        var alice = WhistleblowingHost.HandlerToken("handler-alice");
        var bob = WhistleblowingHost.HandlerToken("handler-bob");

        var detail = await wb.Act("GetCase", new GetCaseRequest { CaseId = id }, alice);
        Assert.DoesNotContain("jo.bloggs", detail.ToString(), StringComparison.Ordinal);

        var request = await wb.Call<RequestIdentityRequest, IdentityRequest>(WhistleblowingHost.Cases + "RequestIdentity",
            new RequestIdentityRequest { CaseId = id, Reason = "The police need a witness statement." }, alice);
        Assert.Equal(IdentityRequestState.Pending, request.State);

        var early = await Assert.ThrowsAsync<RpcException>(() => Reveal(wb, id, request.RequestId, alice));
        Assert.Equal(StatusCode.PermissionDenied, early.StatusCode);

        var pending = await wb.Call<ListIdentityRequestsRequest, ListIdentityRequestsResponse>(WhistleblowingHost.Cases + "ListIdentityRequests", new ListIdentityRequestsRequest(), WhistleblowingHost.CustodianToken());
        Assert.Equal("The police need a witness statement.", Assert.Single(pending.Requests).Reason);

        // The four-eyes rule holds even for someone who also holds the custodian scope.
        var self = await Assert.ThrowsAsync<RpcException>(() => Decide(wb, request.RequestId, WhistleblowingHost.CustodianToken("handler-alice")));
        Assert.Equal(StatusCode.PermissionDenied, self.StatusCode);

        var approved = await Decide(wb, request.RequestId, WhistleblowingHost.CustodianToken());
        Assert.Equal(IdentityRequestState.Approved, approved.State);
        Assert.Equal("custodian-carol", approved.DecidedBy);

        var notBob = await Assert.ThrowsAsync<RpcException>(() => Reveal(wb, id, request.RequestId, bob));
        Assert.Equal(StatusCode.PermissionDenied, notBob.StatusCode);
        // Nor someone of another organisation whose identity provider also calls them "handler-alice".
        var otherAlice = TestTokens.Sign(TestTokens.Request("another-council", "whistleblowing.cases.read", "whistleblowing.cases.write") with { Subject = "handler-alice" });
        var notOtherAlice = await Assert.ThrowsAsync<RpcException>(() => Reveal(wb, id, request.RequestId, otherAlice));
        Assert.Equal(StatusCode.PermissionDenied, notOtherAlice.StatusCode);

        var revealed = await Reveal(wb, id, request.RequestId, alice);
        Assert.Equal("Ibis-contact: jo.bloggs@example.org", revealed.ContactDetails);

        var audit = await wb.Call<GetAuditLogRequest, GetAuditLogResponse>(WhistleblowingHost.Cases + "GetAuditLog", new GetAuditLogRequest { CaseId = id }, alice);
        var actions = audit.Entries.Select(e => (e.Actor, e.Action)).ToList();
        Assert.Contains(("handler-alice", "case.read"), actions);
        Assert.Contains(("handler-alice", "identity.requested"), actions);
        Assert.Contains(("custodian-carol", "identity.approved"), actions);
        Assert.Contains(("handler-alice", "identity.revealed"), actions);
        Assert.DoesNotContain(audit.Entries, e => e.ToString().Contains("Ibis", StringComparison.Ordinal) || e.ToString().Contains("jo.bloggs", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_report_without_contact_details_has_no_identity_to_request()
    {
        await using var wb = await WhistleblowingHost.StartAsync();
        var report = WhistleblowingHost.SampleReport();
        report.ContactDetails = "";
        await wb.SubmitAsync(report);
        var summary = await wb.OnlyCaseAsync();
        Assert.False(summary.HasIdentity);
        var refused = await Assert.ThrowsAsync<RpcException>(() => wb.Call<RequestIdentityRequest, IdentityRequest>(WhistleblowingHost.Cases + "RequestIdentity",
            new RequestIdentityRequest { CaseId = summary.CaseId, Reason = "Need to speak to them." }, WhistleblowingHost.HandlerToken()));
        Assert.Equal(StatusCode.FailedPrecondition, refused.StatusCode);
    }

    private static Task<RevealedIdentity> Reveal(WhistleblowingHost wb, string caseId, string requestId, string token) =>
        wb.Call<RevealIdentityRequest, RevealedIdentity>(WhistleblowingHost.Cases + "RevealIdentity", new RevealIdentityRequest { CaseId = caseId, RequestId = requestId }, token);

    private static Task<IdentityRequest> Decide(WhistleblowingHost wb, string requestId, string token) =>
        wb.Call<DecideIdentityRequestRequest, IdentityRequest>(WhistleblowingHost.Cases + "DecideIdentityRequest", new DecideIdentityRequestRequest { RequestId = requestId, Approve = true }, token);
}
