using EgressSpecs.Proxy.Tests.Support;

namespace EgressSpecs.Proxy.Tests.Functional;

public sealed class TlsVerificationTests(OriginWorldFixture world) : IClassFixture<OriginWorldFixture>
{
    [Theory]
    [InlineData(OriginWorld.Wrong)]
    [InlineData(OriginWorld.SelfSigned)]
    [InlineData(OriginWorld.OtherCa)]
    public async Task Get_UpstreamCertificateNotValidForName_Returns502TlsFailureAndSendsNoRequest(string host)
    {
        // Given an allowlisted name whose origin presents a wrong-name, self-signed or untrusted certificate

        // When
        using var response = await world.Proxy.SendAsync(OriginWorld.Via(host), "/secret?token=1", HttpMethod.Post, new StringContent("payload"));

        // Then
        await ProblemAssert.HasReasonAsync(response, 502, "tls_failure");
        Assert.Empty(world.Origin.RequestsFor(host));
        Assert.DoesNotContain(world.Origin.Requests, r => r.Path == "/secret");
    }

    [Fact]
    public async Task Get_TrustedCaFileRoot_IsAccepted()
    {
        // When the origin's certificate chains to Egress:TrustedCaFile only (not the system roots)
        using var response = await world.Proxy.SendAsync(OriginWorld.Via(OriginWorld.Api), "/trusted");

        // Then
        Assert.Equal(200, (int)response.StatusCode);
    }

    [Fact]
    public async Task Get_TlsFailure_IsCountedPerDestination()
    {
        // Given
        using (await world.Proxy.SendAsync(OriginWorld.Via(OriginWorld.SelfSigned), "/"))
        {
        }

        // When
        using var metrics = await world.Proxy.AdminGetAsync("/metrics");
        var text = await metrics.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        // Then
        Assert.Contains($"egress_upstream_failures_total{{destination=\"{OriginWorld.SelfSigned}\",reason=\"tls_failure\"}}", text);
    }
}
