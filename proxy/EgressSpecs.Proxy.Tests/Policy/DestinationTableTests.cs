using EgressSpecs.Proxy.Configuration;
using EgressSpecs.Proxy.Observability;
using EgressSpecs.Proxy.Policy;

namespace EgressSpecs.Proxy.Tests.Policy;

public sealed class DestinationTableTests
{
    private static DestinationTable Table(params DestinationOptions[] destinations) =>
        new(destinations, new EgressMetrics(Prometheus.Metrics.NewCustomRegistry()));

    [Theory]
    [InlineData("api.example.com", "api.example.com")]
    [InlineData("API.EXAMPLE.COM", "api.example.com")]
    [InlineData("www.example.com", "*.example.com")]
    [InlineData("a.b.example.com", "*.example.com")]
    [InlineData("x.eu.example.com", "*.eu.example.com")]
    [InlineData("other.org", "*")]
    [InlineData("example.com", "*")]
    public void Match_Name_PrefersExactThenMostSpecificWildcardThenAny(string name, string expectedLabel)
    {
        // Given
        var table = Table(
            new() { Host = "*" },
            new() { Host = "*.example.com" },
            new() { Host = "*.eu.example.com" },
            new() { Host = "api.example.com", Port = 8443 });

        // When
        var entry = table.Match(name);

        // Then
        Assert.Equal(expectedLabel, entry?.Label);
    }

    [Fact]
    public void Match_NameNotListed_ReturnsNull()
    {
        // Given
        var table = Table(new() { Host = "*.example.com" }, new() { Host = "api.example.org" });

        // When / Then
        Assert.Null(table.Match("example.com"));
        Assert.Null(table.Match("api.example.org.evil.com"));
        Assert.Null(table.Match("evilexample.com"));
    }

    [Fact]
    public void GetTarget_WildcardEntry_UsesTheNameAndTheEntryPort()
    {
        // Given
        var table = Table(new DestinationOptions { Host = "*.example.com", Port = 8443, Address = "10.0.0.7" });

        // When
        var target = table.Match("WWW.example.com")!.GetTarget("WWW.example.com");

        // Then
        Assert.Equal("www.example.com", target.Host);
        Assert.Equal("https://www.example.com:8443", target.DestinationPrefix);
        Assert.Equal("10.0.0.7", target.Entry.PinnedAddress?.ToString());
        Assert.Same(target, table.Match("www.example.com")!.GetTarget("www.example.com"));
    }

    [Fact]
    public void GetTarget_DefaultPort_OmitsItFromThePrefix()
    {
        // Given
        var table = Table(new DestinationOptions { Host = "api.example.com" });

        // When
        var target = table.Match("api.example.com")!.GetTarget("api.example.com");

        // Then
        Assert.Equal("https://api.example.com", target.DestinationPrefix);
    }
}
