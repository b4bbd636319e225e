using System.Security.Cryptography;
using System.Text;
using EducationHub.Grpc;
using EducationHub.Grpc.Client;
using EducationHub.Platform.Tests.Hosting;
using EducationHub.Platform.Tests.Protos;
using EducationHub.Testing.Auth;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Xunit;

namespace EducationHub.Platform.Tests.Auth;

/// <summary>Partner token checks, through our .NET gRPC client over real HTTP/2.</summary>
public sealed class AuthInterceptorTests(AuthHostFixture fixture) : IClassFixture<AuthHostFixture>
{
    private Task<CallerReply> CallAsync(string method, string? token) =>
        fixture.Host.Client.UnaryAsync<ProbeRequest, CallerReply>(method, new ProbeRequest { Text = "x" }, new CallOptions { BearerToken = token });

    private async Task<RpcException> RejectedAsync(string method, string? token) =>
        await Assert.ThrowsAsync<RpcException>(() => CallAsync(method, token));

    [Fact]
    public async Task A_valid_token_with_the_scope_reaches_the_handler_with_the_caller()
    {
        var reply = await CallAsync(PlatformTestApi.ReadMethod, TestTokens.Issue("ofsted", "platform.read", "other.scope"));

        Assert.True(reply.Authenticated);
        Assert.Equal("ofsted", reply.Organisation);
        Assert.Equal("test-user", reply.Subject);
        Assert.Equal(["other.scope", "platform.read"], reply.Scopes);
    }

    [Fact]
    public async Task No_token_is_unauthenticated_with_a_bearer_challenge()
    {
        var error = await RejectedAsync(PlatformTestApi.ReadMethod, null);

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
        Assert.Contains("missing bearer token", error.Status.Detail, StringComparison.Ordinal);
        Assert.StartsWith("Bearer", error.Trailers.GetValue("www-authenticate"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_expired_token_is_unauthenticated()
    {
        var error = await RejectedAsync(PlatformTestApi.ReadMethod, TestTokens.Expired("ofsted", "platform.read"));

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
        Assert.Contains("expired", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_for_another_audience_is_unauthenticated()
    {
        var token = TestTokens.Sign(TestTokens.Request("ofsted", "platform.read") with { Audience = "someone-else" });

        var error = await RejectedAsync(PlatformTestApi.ReadMethod, token);

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
        Assert.Contains("audience", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_from_another_issuer_is_unauthenticated()
    {
        var token = TestTokens.Sign(TestTokens.Request("ofsted", "platform.read") with { Issuer = "https://evil.example" });

        var error = await RejectedAsync(PlatformTestApi.ReadMethod, token);

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
        Assert.Contains("issuer", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_signed_by_another_key_is_unauthenticated()
    {
        var token = TestTokens.Sign(TestTokens.Request("ofsted", "platform.read"), TestTokens.NewKey());

        var error = await RejectedAsync(PlatformTestApi.ReadMethod, token);

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
        Assert.Contains("signature", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_tampered_token_is_unauthenticated()
    {
        var token = TestTokens.Issue("ofsted", "platform.read");
        var parts = token.Split('.');
        var claims = Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(parts[1])).Replace("ofsted", "rsc-office", StringComparison.Ordinal);
        var tampered = parts[0] + "." + Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(claims)) + "." + parts[2];

        var error = await RejectedAsync(PlatformTestApi.ReadMethod, tampered);

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
    }

    [Fact]
    public async Task A_shared_secret_token_is_refused_even_if_its_signature_checks_out()
    {
        // HS256 keyed with a value an attacker could know; the server accepts asymmetric algorithms only.
        var secret = new SymmetricSecurityKey(SHA256.HashData(Encoding.UTF8.GetBytes(TestTokens.PublicKeyPem)));
        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = TestTokens.Issuer,
            Audience = TestTokens.Audience,
            Claims = new Dictionary<string, object> { ["sub"] = "x", ["organisation"] = "ofsted", ["scope"] = "platform.read" },
            Expires = DateTime.UtcNow.AddHours(1),
            SigningCredentials = new SigningCredentials(secret, SecurityAlgorithms.HmacSha256),
        });

        var error = await RejectedAsync(PlatformTestApi.ReadMethod, token);

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
    }

    [Fact]
    public async Task Garbage_is_unauthenticated_and_not_echoed()
    {
        var error = await RejectedAsync(PlatformTestApi.ReadMethod, "not-a-jwt-secret-value");

        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
        Assert.DoesNotContain("secret-value", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_without_the_scope_is_permission_denied_naming_the_scope()
    {
        var error = await RejectedAsync(PlatformTestApi.WriteMethod, TestTokens.Issue("ofsted", "platform.read"));

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        Assert.Contains("'platform.write'", error.Status.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public async Task Every_scoped_call_needs_an_organisation_claim_reads_too(string? organisation)
    {
        var anonymousOrganisation = TestTokens.Sign(TestTokens.Request(organisation, "platform.read", "platform.write"));

        var write = await RejectedAsync(PlatformTestApi.WriteMethod, anonymousOrganisation);
        var read = await RejectedAsync(PlatformTestApi.ReadMethod, anonymousOrganisation);

        foreach (var error in new[] { write, read })
        {
            Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
            Assert.Contains("'organisation'", error.Status.Detail, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Every_scoped_call_needs_a_subject_from_sub_or_client_id()
    {
        var noSubject = Raw(new() { ["organisation"] = "ofsted", ["scope"] = "platform.read platform.write" });
        var emptySubject = TestTokens.Sign(TestTokens.Request("ofsted", "platform.read") with { Subject = "" });
        var blankSubjects = Raw(new() { ["sub"] = " ", ["client_id"] = "", ["organisation"] = "ofsted", ["scope"] = "platform.read" });

        foreach (var (method, token) in new[] { (PlatformTestApi.ReadMethod, noSubject), (PlatformTestApi.WriteMethod, noSubject), (PlatformTestApi.ReadMethod, emptySubject), (PlatformTestApi.ReadMethod, blankSubjects) })
        {
            var error = await RejectedAsync(method, token);
            Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
            Assert.Contains("'sub' (or 'client_id')", error.Status.Detail, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_client_credentials_token_is_identified_by_its_client_id()
    {
        var reply = await CallAsync(PlatformTestApi.ReadMethod, Raw(new() { ["client_id"] = "ofsted-sync", ["organisation"] = "ofsted", ["scope"] = "platform.read" }));

        Assert.Equal(("ofsted", "ofsted-sync"), (reply.Organisation, reply.Subject));
    }

    [Fact]
    public async Task Scopes_are_also_read_from_an_scp_array()
    {
        var token = Raw(new() { ["sub"] = "svc", ["organisation"] = "council", ["scp"] = new[] { "platform.write", "platform.read" } });

        var reply = await CallAsync(PlatformTestApi.WriteMethod, token);

        Assert.Equal(["platform.read", "platform.write"], reply.Scopes);
    }

    [Fact]
    public async Task Anonymous_methods_run_without_a_token_and_still_see_a_valid_one()
    {
        var without = await CallAsync(PlatformTestApi.AnonymousMethod, null);
        var withBadToken = await CallAsync(PlatformTestApi.AnonymousMethod, "garbage");
        var with = await CallAsync(PlatformTestApi.AnonymousMethod, TestTokens.Issue("council"));

        Assert.False(without.Authenticated);
        Assert.False(withBadToken.Authenticated);
        Assert.True(with.Authenticated);
        Assert.Equal("council", with.Organisation);
    }

    [Fact]
    public async Task On_an_anonymous_method_a_token_naming_nobody_leaves_the_call_anonymous()
    {
        var noOrganisation = await CallAsync(PlatformTestApi.AnonymousMethod, TestTokens.Sign(TestTokens.Request(null)));
        var noSubject = await CallAsync(PlatformTestApi.AnonymousMethod, Raw(new() { ["organisation"] = "council" }));

        Assert.False(noOrganisation.Authenticated);
        Assert.False(noSubject.Authenticated);
    }

    /// <summary>A token with exactly these claims (plus issuer, audience and expiry), signed by the test key.</summary>
    private static string Raw(Dictionary<string, object> claims) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = TestTokens.Issuer,
        Audience = TestTokens.Audience,
        Claims = claims,
        Expires = DateTime.UtcNow.AddHours(1),
        SigningCredentials = new SigningCredentials(TestTokens.SigningKey, SecurityAlgorithms.EcdsaSha256),
    });
}
