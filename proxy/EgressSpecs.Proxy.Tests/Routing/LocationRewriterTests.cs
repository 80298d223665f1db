using EgressSpecs.Proxy.Configuration;
using EgressSpecs.Proxy.Observability;
using EgressSpecs.Proxy.Policy;
using EgressSpecs.Proxy.Routing;

namespace EgressSpecs.Proxy.Tests.Routing;

public sealed class LocationRewriterTests
{
    private static UpstreamTarget Target(int port)
    {
        var table = new DestinationTable([new DestinationOptions { Host = "api.example.com", Port = port }], new EgressMetrics(Prometheus.Metrics.NewCustomRegistry()));
        return table.Match("api.example.com")!.GetTarget("api.example.com");
    }

    [Theory]
    [InlineData("https://api.example.com/x?y=1", 443, "http://api.example.com.egress.local/x?y=1")]
    [InlineData("https://API.example.com:443/x", 443, "http://api.example.com.egress.local/x")]
    [InlineData("https://api.example.com", 443, "http://api.example.com.egress.local/")]
    [InlineData("https://api.example.com?q", 443, "http://api.example.com.egress.local/?q")]
    [InlineData("https://api.example.com:8443/x", 8443, "http://api.example.com.egress.local/x")]
    public void TryRewrite_LocationOnTheUpstream_PointsBackAtTheProxy(string location, int port, string expected)
    {
        // When
        var rewritten = LocationRewriter.TryRewrite(location, Target(port), "api.example.com.egress.local", out var result);

        // Then
        Assert.True(rewritten);
        Assert.Equal(expected, result);
    }

    [Theory]
    [InlineData("/relative/path")]
    [InlineData("http://api.example.com/x")]
    [InlineData("https://other.example.com/x")]
    [InlineData("https://api.example.com:8443/x")]
    [InlineData("https://user@api.example.com/x")]
    [InlineData("https://api.example.com.evil.com/x")]
    public void TryRewrite_LocationElsewhere_IsLeftAlone(string location)
    {
        // When
        var rewritten = LocationRewriter.TryRewrite(location, Target(443), "api.example.com.egress.local", out var result);

        // Then
        Assert.False(rewritten);
        Assert.Equal(location, result);
    }
}
