using System.Net;
using EgressSpecs.Proxy.Configuration;
using EgressSpecs.Proxy.Observability;
using EgressSpecs.Proxy.Policy;
using EgressSpecs.Proxy.Routing;
using EgressSpecs.Proxy.Tests.Support;
using EgressSpecs.Proxy.Upstream;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace EgressSpecs.Proxy.Tests.Upstream;

public sealed class UpstreamConnectorTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ResolvePublicAsync_AllAnswersPublic_ReturnsThem()
    {
        // Given
        var connector = Create(new() { ["api.example.com"] = [IPAddress.Parse("93.184.215.14"), IPAddress.Parse("2606:2800:21f:cb07:6820:80da:af6b:8b2c")] });

        // When
        var addresses = await connector.ResolvePublicAsync("api.example.com", Ct);

        // Then
        Assert.Equal(2, addresses.Length);
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("10.0.0.5")]
    [InlineData("169.254.169.254")]
    [InlineData("100.64.0.1")]
    [InlineData("::ffff:192.168.1.1")]
    [InlineData("fd00::1")]
    [InlineData("3fff::1")]
    [InlineData("2001:2::1")]
    [InlineData("2001::1")]
    public async Task ResolvePublicAsync_AnyAnswerNonPublic_RefusesWithPrivateAddress(string address)
    {
        // Given a rebinding-style answer that mixes a public and a private address
        var connector = Create(new() { ["api.example.com"] = [IPAddress.Parse("93.184.215.14"), IPAddress.Parse(address)] });

        // When
        var error = await Assert.ThrowsAsync<UpstreamException>(() => connector.ResolvePublicAsync("api.example.com", Ct));

        // Then
        Assert.Equal(EgressReason.PrivateAddress, error.Reason);
    }

    [Fact]
    public async Task ResolvePublicAsync_NameDoesNotExist_RefusesWithDnsFailure()
    {
        // Given
        var connector = Create([]);

        // When
        var error = await Assert.ThrowsAsync<UpstreamException>(() => connector.ResolvePublicAsync("nope.example.com", Ct));

        // Then
        Assert.Equal(EgressReason.DnsFailure, error.Reason);
    }

    [Fact]
    public async Task ResolvePublicAsync_ResolverHangs_TimesOutWithTimeoutReason()
    {
        // Given
        var options = Options.Create(new EgressOptions { DnsTimeout = TimeSpan.FromMilliseconds(100) });
        var connector = new UpstreamConnector(Catalog(options), new HangingResolver(), AddressGuard.WithoutNat64Prefixes, options);

        // When
        var error = await Assert.ThrowsAsync<UpstreamException>(() => connector.ResolvePublicAsync("slow.example.com", Ct));

        // Then
        Assert.Equal(EgressReason.Timeout, error.Reason);
    }

    private static UpstreamConnector Create(Dictionary<string, IPAddress[]> answers)
    {
        var options = Options.Create(new EgressOptions());
        return new UpstreamConnector(Catalog(options), new FakeResolver(answers), AddressGuard.WithoutNat64Prefixes, options);
    }

    private static DestinationCatalog Catalog(IOptions<EgressOptions> options) =>
        new(new ConfigurationBuilder().Build(), options, new EgressOptionsValidator(),
            new EgressMetrics(Prometheus.Metrics.NewCustomRegistry()), NullLogger<DestinationCatalog>.Instance);

    private sealed class HangingResolver : IHostResolver
    {
        public async Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return [];
        }
    }
}
