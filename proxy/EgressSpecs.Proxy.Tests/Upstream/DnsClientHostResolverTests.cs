using System.Net;
using System.Net.Sockets;
using EgressSpecs.Proxy.Configuration;
using EgressSpecs.Proxy.Observability;
using EgressSpecs.Proxy.Policy;
using EgressSpecs.Proxy.Routing;
using EgressSpecs.Proxy.Upstream;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace EgressSpecs.Proxy.Tests.Upstream;

public sealed class DnsClientHostResolverTests
{
    [Fact]
    public async Task ResolvePublicAsync_ResolverNeverAnswers_FailsWithinTheDnsTimeout()
    {
        // Given a UDP "resolver" on loopback that swallows every query
        using var silent = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var server = (IPEndPoint)silent.Client.LocalEndPoint!;
        var options = Options.Create(new EgressOptions { DnsTimeout = TimeSpan.FromMilliseconds(500) });
        var resolver = new DnsClientHostResolver([server], TimeSpan.FromMilliseconds(200));
        var catalog = new DestinationCatalog(new ConfigurationBuilder().Build(), options, new EgressOptionsValidator(),
            new EgressMetrics(Prometheus.Metrics.NewCustomRegistry()), NullLogger<DestinationCatalog>.Instance);
        var connector = new UpstreamConnector(catalog, resolver, AddressGuard.WithoutNat64Prefixes, options);
        var started = TimeProvider.System.GetTimestamp();

        // When
        var error = await Assert.ThrowsAsync<UpstreamException>(() => connector.ResolvePublicAsync("api.example.com", TestContext.Current.CancellationToken));

        // Then
        Assert.Contains(error.Reason.ToString(), new[] { nameof(EgressReason.DnsFailure), nameof(EgressReason.Timeout) });
        Assert.True(TimeProvider.System.GetElapsedTime(started) < TimeSpan.FromSeconds(5));
    }
}
