using System.Text.Json;
using EducationHub.Testing.Grpc;
using Xunit;

namespace EducationHub.Grpc.Interop.Tests;

/// <summary>
/// The generic third-party caller that service tests use (PythonGrpcClient → ehub_grpc_call.py),
/// proven against the interop service: reflection discovery, JSON in/out, streaming, rich errors.
/// </summary>
public sealed class PythonGrpcClientTests(InteropServerFixture fixture) : IClassFixture<InteropServerFixture>
{
    private const string Service = "educationhub.testing.v1.TestService";

    [Fact]
    public async Task Unary_call_returns_the_response_as_proto_json()
    {
        var result = await PythonGrpcClient.CallAsync(fixture.Target, $"{Service}/Echo", """{"message": "caf\u00e9 \u263a", "payload": "AAEC/w=="}""", bearerToken: "not-checked-here");

        Assert.True(result.Ok, result.ToString());
        Assert.Equal(StatusCode.OK, result.StatusCode);
        Assert.Equal("caf\u00e9 \u263a", result["message"].GetString());
        Assert.Equal("AAEC/w==", result["payload"].GetString());
    }

    [Fact]
    public async Task Address_may_be_a_uri()
    {
        var result = await PythonGrpcClient.CallAsync(fixture.Server.Address, $"{Service}/ValidateCall", """{"name": "Ada", "age": 36}""");

        Assert.True(result.Ok, result.ToString());
        Assert.Contains("Ada", result["greeting"].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_request_gives_invalid_argument_with_field_violations()
    {
        var result = await PythonGrpcClient.CallAsync(fixture.Target, $"{Service}/ValidateCall", """{"name": "", "age": 200}""");

        Assert.False(result.Ok);
        Assert.Equal(StatusCode.InvalidArgument, result.StatusCode);
        Assert.Equal("INVALID_ARGUMENT", result.Code);
        Assert.Contains("google.rpc.BadRequest", result.DetailTypes);
        Assert.Equal(["age", "name"], result.FieldViolations.Select(v => v.Field).Order());
        Assert.All(result.FieldViolations, v => Assert.False(string.IsNullOrWhiteSpace(v.Description)));
        Assert.Empty(result.PreconditionViolations);
    }

    [Fact]
    public async Task Status_code_and_message_come_back_verbatim()
    {
        var result = await PythonGrpcClient.CallAsync(fixture.Target, $"{Service}/UnaryCall", """{"responseStatus": {"code": 5, "message": "no such school: 100000 \u263a"}}""");

        Assert.Equal(StatusCode.NotFound, result.StatusCode);
        Assert.Equal("no such school: 100000 \u263a", result.Message);
        Assert.Empty(result.FieldViolations);
    }

    [Fact]
    public async Task Server_streaming_returns_every_message()
    {
        var result = await PythonGrpcClient.CallAsync(fixture.Target, $"{Service}/StreamingOutputCall", """{"responseParameters": [{"size": 3}, {"size": 1}]}""");

        Assert.True(result.Ok, result.ToString());
        Assert.Equal(JsonValueKind.Array, result.Response.ValueKind);
        Assert.Equal(["AAAA", "AA=="], result.Response.EnumerateArray().Select(m => m.GetProperty("payload").GetProperty("body").GetString()));
    }

    [Fact]
    public async Task Client_streaming_takes_a_json_array()
    {
        var result = await PythonGrpcClient.CallAsync(fixture.Target, $"{Service}/StreamingInputCall", """[{"payload": {"body": "AAAA"}}, {"payload": {"body": "AA=="}}]""");

        Assert.True(result.Ok, result.ToString());
        Assert.Equal(4, result["aggregatedPayloadSize"].GetInt32());
    }

    [Fact]
    public async Task Unknown_method_is_a_usage_error_naming_the_methods()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => PythonGrpcClient.CallAsync(fixture.Target, $"{Service}/NoSuchMethod"));

        Assert.Contains("has no method NoSuchMethod", error.Message, StringComparison.Ordinal);
        Assert.Contains("ValidateCall", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Status_code_names_map_both_ways()
    {
        foreach (var code in Enum.GetValues<StatusCode>())
        {
            var wire = new GrpcCallResult(code == StatusCode.OK, default, code, "", [], [], [], "").Code;
            Assert.Equal(code, GrpcCallResult.ParseCode(wire));
        }

        Assert.Equal(StatusCode.InvalidArgument, GrpcCallResult.ParseCode("INVALID_ARGUMENT"));
        Assert.Equal(StatusCode.DeadlineExceeded, GrpcCallResult.ParseCode("DEADLINE_EXCEEDED"));
    }
}
