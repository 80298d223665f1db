using System.Net;
using EgressSpecs.Dns.Resolver;
using EgressSpecs.Dns.Tests.Server;

namespace EgressSpecs.Dns.Tests.EndToEnd;

/// <summary>
/// The proof of concept's defect 1 as a .NET app on Linux meets it: its rule answers with the proxy's
/// owner name, glibc drops that record, and the app gets "host not found". The fixed rule works.
/// </summary>
public sealed class DefectOneTests
{
    private const string Question = "api.example.test.egress.local";

    [Fact]
    public async Task GetAddressesAsync_SeedRule_HostNotFoundBecauseOwnerIsProxyName()
    {
        // Given
        await using var server = await TestServers.StartAsync(RuleTexts.SeedRule);
        var resolver = new GlibcLikeResolver(server.EndPoint);

        // When
        var lookup = await resolver.GetAddressesAsync(Question, TestContext.Current.CancellationToken);
        var raw = await resolver.QueryAsync(Question, DnsQueryType.A, TestContext.Current.CancellationToken);

        // Then
        Assert.False(lookup.Found);
        Assert.Contains(RuleTexts.ProxyName, lookup.FailureReason, StringComparison.Ordinal);
        Assert.Equal(RuleTexts.ProxyName, Assert.Single(raw.Answers).OwnerName);
        Assert.Equal(Question + ".", raw.QuestionName);
    }

    [Fact]
    public async Task GetAddressesAsync_FixedRule_ProxyAddressWithOwnerEqualToQuestion()
    {
        // Given
        await using var server = await TestServers.StartAsync(RuleTexts.FixedConfigMap);
        var resolver = new GlibcLikeResolver(server.EndPoint);

        // When
        var lookup = await resolver.GetAddressesAsync(Question, TestContext.Current.CancellationToken);
        var raw = await resolver.QueryAsync(Question, DnsQueryType.A, TestContext.Current.CancellationToken);

        // Then
        Assert.True(lookup.Found, lookup.ToString());
        Assert.Equal([TestServers.ProxyAddress], lookup.Addresses);
        Assert.Equal(Question + ".", Assert.Single(raw.Answers).OwnerName);
    }

    [Theory]
    [InlineData("x.egressXlocal.evil")]
    [InlineData("foo.egress.local.evil")]
    public async Task GetAddressesAsync_LookAlikeNameWithFixedRule_IsNotRewrittenSoNotFound(string lookAlike)
    {
        // Given
        await using var server = await TestServers.StartAsync(RuleTexts.FixedRule);
        var resolver = new GlibcLikeResolver(server.EndPoint);

        // When
        var lookup = await resolver.GetAddressesAsync(lookAlike, TestContext.Current.CancellationToken);

        // Then
        Assert.False(lookup.Found);
        Assert.Equal(DnsResponseCode.NxDomain, Assert.Single(server.QuestionsSeen).ResponseCode);
    }

    [Fact]
    public async Task QueryAsync_LookAlikeNameWithSeedRule_IsSentToTheProxy()
    {
        // Given
        await using var server = await TestServers.StartAsync(RuleTexts.SeedRule);
        var resolver = new GlibcLikeResolver(server.EndPoint);

        // When
        var raw = await resolver.QueryAsync("x.egressXlocal.evil", DnsQueryType.A, TestContext.Current.CancellationToken);

        // Then
        Assert.Equal(IPAddress.Loopback.ToString(), Assert.Single(raw.Answers).Data);
    }

    [Fact]
    public async Task GetAddressesAsync_NoServerListening_HostNotFoundWithoutDnsClientException()
    {
        // Given
        var server = await TestServers.StartAsync(RuleTexts.FixedRule);
        var endPoint = server.EndPoint;
        await server.DisposeAsync();
        var resolver = new GlibcLikeResolver(endPoint, DnsTransport.Udp, TimeSpan.FromMilliseconds(300));

        // When
        var lookup = await resolver.GetAddressesAsync(Question, TestContext.Current.CancellationToken);

        // Then
        Assert.False(lookup.Found);
        Assert.NotNull(lookup.FailureReason);
    }
}
