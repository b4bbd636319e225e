using EducationHub.Grpc;
using EducationHub.ServiceDefaults.Auth;
using Hb = EducationHub.Protos.Hub.V1;

namespace EducationHub.Distributed.Tests;

/// <summary>
/// The distributed run checks partner tokens as Kubernetes does (issuer + public key), never in
/// development-token mode: that mode trusts whatever local key a process finds and is meant for the
/// single-process run only.
/// </summary>
[Collection(DistributedCollection.Name)]
public class DistributedAuthTests(DistributedSystem system)
{
    private static readonly string[] PartnerServices = ["schoolrisk", "governance", "whistleblowing", "complaints", "hub"];

    [Fact]
    public void Every_service_is_configured_with_the_partner_key_and_without_development_tokens()
    {
        foreach (var service in PartnerServices)
        {
            var launcher = File.ReadAllText(Path.Combine(system.Directory, service + ".run"));
            Assert.DoesNotContain("DevelopmentTokens", launcher, StringComparison.Ordinal);
            Assert.Contains("Auth__SigningKeyPemFile=", launcher, StringComparison.Ordinal);
            Assert.Contains("Auth__Issuer=educationhub-dev", launcher, StringComparison.Ordinal);

            // A service with development tokens on says so at start-up (AuthLog event 3006, a warning).
            var log = File.ReadAllText(Path.Combine(system.Directory, "logs", service + ".log"));
            Assert.DoesNotContain("Development tokens are enabled", log, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_token_from_the_runs_key_is_accepted_and_one_from_any_other_key_is_refused()
    {
        var request = new Hb.GetRiskListRequest { Month = HubView.CurrentMonth };
        const string method = "/educationhub.hub.v1.HubService/GetRiskList";

        var list = await system.Call<Hb.GetRiskListRequest, Hb.RiskList>("hub", method, request, system.Token("council", "hub.risklist.read"));
        Assert.Equal(HubView.CurrentMonth, list.Summary.Month);

        // Same issuer, audience and scope, signed by a key the run does not trust.
        var otherKeyDirectory = Directory.CreateTempSubdirectory("ehub-other-key.").FullName;
        try
        {
            var stranger = DevTokenIssuer.FromOptions(new AuthOptions { DevelopmentTokens = true, DevelopmentKeyPath = Path.Combine(otherKeyDirectory, "key.pem") });
            var refused = await Assert.ThrowsAsync<RpcException>(() =>
                system.Call<Hb.GetRiskListRequest, Hb.RiskList>("hub", method, request, stranger.Issue("council", "hub.risklist.read")));
            Assert.Equal(StatusCode.Unauthenticated, refused.StatusCode);
        }
        finally
        {
            Directory.Delete(otherKeyDirectory, recursive: true);
        }
    }
}
