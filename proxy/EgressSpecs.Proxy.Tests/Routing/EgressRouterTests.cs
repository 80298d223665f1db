using EgressSpecs.Proxy.Configuration;
using EgressSpecs.Proxy.Observability;
using EgressSpecs.Proxy.Policy;
using EgressSpecs.Proxy.Routing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace EgressSpecs.Proxy.Tests.Routing;

public sealed class EgressRouterTests
{
    private static EgressRouter Router(params string[] hosts)
    {
        var options = Options.Create(new EgressOptions
        {
            Destinations = [.. hosts.Select(h => new DestinationOptions { Host = h })],
            InternalNames = ["*.corp.example"],
        });
        var catalog = new DestinationCatalog(new ConfigurationBuilder().Build(), options, new EgressOptionsValidator(),
            new EgressMetrics(Prometheus.Metrics.NewCustomRegistry()), NullLogger<DestinationCatalog>.Instance);
        return new EgressRouter(catalog, new InternalNames(options.Value.InternalNames), options);
    }

    [Theory]
    [InlineData("kubernetes.default.svc.egress.local")]
    [InlineData("localhost.egress.local")]
    [InlineData("redis.egress.local")]
    [InlineData("vault.corp.example.egress.local")]
    public void Route_InternalNameEvenWithAnyAllowed_IsRefusedAsInternal(string host)
    {
        // Given an allowlist that allows any public name
        var router = Router("*");

        // When
        var route = router.Route(host);

        // Then
        Assert.Null(route.Target);
        Assert.Equal(nameof(EgressReason.InternalName), route.Reason.ToString());
    }

    [Fact]
    public void Route_AllowedName_ReturnsTheUpstreamTarget()
    {
        // Given
        var router = Router("*.example.com");

        // When
        var route = router.Route("WWW.Example.com.egress.local:8080");

        // Then
        Assert.Equal("www.example.com", route.Target?.Host);
        Assert.Equal("*.example.com", route.Target?.Entry.Label);
    }

    [Fact]
    public void Route_NameNotListed_IsRefusedAsNotAllowed()
    {
        // Given
        var router = Router("api.example.com");

        // When
        var route = router.Route("api.example.org.egress.local");

        // Then
        Assert.Null(route.Target);
        Assert.Equal(nameof(EgressReason.NotAllowed), route.Reason.ToString());
    }
}
