using EducationHub.Governance.Tests.Support;
using EducationHub.Testing.Grpc;

namespace EducationHub.Governance.Tests.Api;

/// <summary>A partner's own client (Python grpcio, reflection-driven) issues a notice and gets a readable refusal.</summary>
public sealed class ThirdPartyClientTests(SqliteHostFixture fixture) : IClassFixture<SqliteHostFixture>
{
    private const string Service = "educationhub.governance.v1.GovernanceService/";
    private readonly GovernanceHost _host = fixture.Host;

    [Fact]
    public async Task A_python_client_issues_a_notice_and_sees_the_allowed_transitions_when_refused()
    {
        var urn = Scenario.NewUrn();
        var issued = await PythonGrpcClient.CallAsync(_host.Host.GrpcAddress, Service + "IssueNotice", $$"""
            { "issuedOn": "2025-12-19",
              "draft": { "urn": {{urn}}, "type": "NOTICE_TYPE_PERFORMANCE_STANDARDS_AND_SAFETY",
                         "grounds": ["NOTICE_GROUND_SAFETY_THREATENED"], "issuer": "ISSUER_LOCAL_AUTHORITY",
                         "issuingOffice": "Test Borough Council", "summary": "Safeguarding failures",
                         "requiredActions": ["Complete a safeguarding audit"] } }
            """, _host.WriteToken);
        Assert.True(issued.Ok, issued.RawJson);
        Assert.Equal("2026-01-14", issued["complianceDeadline"].GetString());
        Assert.Equal("NOTICE_STATUS_ISSUED", issued["status"].GetString());

        var refused = await PythonGrpcClient.CallAsync(_host.Host.GrpcAddress, Service + "TransitionNotice",
            $$"""{ "noticeId": "{{issued["noticeId"].GetString()}}", "trigger": "NOTICE_TRIGGER_ESCALATE" }""", _host.WriteToken);
        Assert.Equal("FAILED_PRECONDITION", refused.Code);
        Assert.Contains(refused.PreconditionViolations, v => v.Type == "ALLOWED_TRANSITION" && v.Description.StartsWith("NOTICE_TRIGGER_CONFIRM", StringComparison.Ordinal));

        var invalid = await PythonGrpcClient.CallAsync(_host.Host.GrpcAddress, Service + "GetNotice", """{ "noticeId": "x" }""", _host.ReadToken);
        Assert.Equal("INVALID_ARGUMENT", invalid.Code);
        Assert.Equal("notice_id", Assert.Single(invalid.FieldViolations).Field);
    }
}
