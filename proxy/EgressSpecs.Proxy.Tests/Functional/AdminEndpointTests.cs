using System.Net;
using EgressSpecs.Proxy.Tests.Support;

namespace EgressSpecs.Proxy.Tests.Functional;

public sealed class AdminEndpointTests(OriginWorldFixture world) : IClassFixture<OriginWorldFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/healthz")]
    [InlineData("/readyz")]
    [InlineData("/metrics")]
    public async Task Get_AdminPath_AnswersOnAdminPortOnly(string path)
    {
        // When
        using var onAdmin = await world.Proxy.AdminGetAsync(path);
        using var onProxy = await world.Proxy.Client.GetAsync($"http://127.0.0.1:{world.Proxy.ProxyPort}{path}", Ct);

        // Then the proxy port treats it as any request: 127.0.0.1 has no egress suffix
        Assert.Equal(HttpStatusCode.OK, onAdmin.StatusCode);
        await ProblemAssert.HasReasonAsync(onProxy, 400, "missing_suffix");
    }

    [Fact]
    public async Task Get_OtherPathOrEgressHostOnAdminPort_Returns404AndForwardsNothing()
    {
        // Given
        var request = new HttpRequestMessage(HttpMethod.Get, $"http://127.0.0.1:{world.Proxy.AdminPort}/admin-forward");
        request.Headers.Host = OriginWorld.Via(OriginWorld.Api);

        // When
        using var response = await world.Proxy.Client.SendAsync(request, Ct);

        // Then
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain(world.Origin.Requests, r => r.Path == "/admin-forward");
    }

    [Fact]
    public async Task Metrics_AfterTraffic_ExposesDocumentedSeriesWithoutDeniedNames()
    {
        // Given
        using (await world.Proxy.SendAsync(OriginWorld.Via(OriginWorld.Api), "/metered"))
        using (await world.Proxy.SendAsync(OriginWorld.Via("denied-name-never-a-label.example.test"), "/"))
        {
        }

        // When
        using var response = await world.Proxy.AdminGetAsync("/metrics");
        var text = await response.Content.ReadAsStringAsync(Ct);

        // Then
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"egress_requests_total{{destination=\"{OriginWorld.Api}\",code=\"200\"}}", text);
        Assert.Contains($"egress_request_duration_seconds_bucket{{destination=\"{OriginWorld.Api}\",le=", text);
        Assert.Contains("egress_denied_requests_total{reason=\"not_allowed\"}", text);
        Assert.Contains("egress_denied_requests_total{reason=\"ip_literal\"}", text);
        Assert.Contains("# TYPE egress_upstream_failures_total counter", text);
        Assert.DoesNotContain("denied-name-never-a-label", text);
    }
}
