using EgressSpecs.Proxy.Tests.Support;

namespace EgressSpecs.Proxy.Tests.Functional;

public sealed class RefusalTests(OriginWorldFixture world) : IClassFixture<OriginWorldFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("api.example.test", 400, "missing_suffix")]
    [InlineData("api.example.test.egress.localx", 400, "missing_suffix")]
    [InlineData("x.egressXlocal.evil.com", 400, "missing_suffix")]
    [InlineData("egress.local", 400, "empty_name")]
    [InlineData("api.example.test.egress.local.egress.local", 400, "nested_suffix")]
    [InlineData("api_x.example.test.egress.local", 400, "invalid_name")]
    [InlineData("127.0.0.1.egress.local", 400, "ip_literal")]
    [InlineData("127.1.egress.local", 400, "ip_literal")]
    [InlineData("2130706433.egress.local", 400, "ip_literal")]
    [InlineData("0x7f000001.egress.local", 400, "ip_literal")]
    [InlineData("169.254.169.254.egress.local", 400, "ip_literal")]
    [InlineData("localhost.egress.local", 400, "internal_name")]
    [InlineData("kubernetes.default.svc.egress.local", 400, "internal_name")]
    [InlineData("metadata.google.internal.egress.local", 400, "internal_name")]
    [InlineData("evil.example.test.egress.local", 403, "not_allowed")]
    public async Task Get_RefusedHost_ReturnsProblemWithReasonAndOpensNoConnection(string host, int status, string reason)
    {
        // Given
        var before = world.Origin.Connections;

        // When
        using var response = await world.Proxy.SendAsync(host, "/");

        // Then
        await ProblemAssert.HasReasonAsync(response, status, reason);
        Assert.Equal(before, world.Origin.Connections);
    }

    [Theory]
    [InlineData("rebind.dns.example.test")]
    [InlineData("metadata.dns.example.test")]
    public async Task Get_NameResolvingToNonPublicAddress_Returns403PrivateAddress(string host)
    {
        // Given the resolver answers with a loopback or link-local (cloud metadata) address

        // When
        using var response = await world.Proxy.SendAsync(OriginWorld.Via(host), "/");

        // Then
        await ProblemAssert.HasReasonAsync(response, 403, "private_address");
        Assert.Empty(world.Origin.RequestsFor(host));
    }

    [Fact]
    public async Task Get_UnresolvableName_Returns502DnsFailure()
    {
        // When
        using var response = await world.Proxy.SendAsync(OriginWorld.Via("missing.dns.example.test"), "/");

        // Then
        await ProblemAssert.HasReasonAsync(response, 502, "dns_failure");
    }

    [Fact]
    public async Task Get_NothingListening_Returns502ConnectFailure()
    {
        // When
        using var response = await world.Proxy.SendAsync(OriginWorld.Via(OriginWorld.Closed), "/");

        // Then
        await ProblemAssert.HasReasonAsync(response, 502, "connect_failure");
    }

    [Fact]
    public async Task Connect_AnyTarget_Returns405MethodNotAllowed()
    {
        // When
        var response = await RawAsync($"CONNECT {OriginWorld.Api}:443 HTTP/1.1\r\nHost: {OriginWorld.Api}:443\r\n\r\n");

        // Then
        Assert.StartsWith("HTTP/1.1 405", response);
        Assert.Contains("method_not_allowed", response);
    }

    [Fact]
    public async Task Get_AbsoluteFormDisagreeingWithHost_Returns400()
    {
        // Given
        var before = world.Origin.Connections;

        // When
        var response = await RawAsync(
            $"GET http://{OriginWorld.Via("evil.example.test")}/ HTTP/1.1\r\nHost: {OriginWorld.Via(OriginWorld.Api)}\r\nConnection: close\r\n\r\n");

        // Then
        Assert.StartsWith("HTTP/1.1 400", response);
        Assert.Equal(before, world.Origin.Connections);
    }

    [Fact]
    public async Task Post_ContentLengthAndTransferEncodingTogether_Returns400AndForwardsNothing()
    {
        // Given a classic smuggling shape: both framing headers on one request
        var marker = Guid.NewGuid().ToString("N");
        var before = world.Origin.Connections;
        var raw = $"POST /smuggle/{marker} HTTP/1.1\r\nHost: {OriginWorld.Via(OriginWorld.Api)}\r\nContent-Length: 4\r\n" +
            "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\nGET /smuggled HTTP/1.1\r\nHost: x\r\n\r\n";

        // When
        var response = await RawAsync(raw);

        // Then
        Assert.StartsWith("HTTP/1.1 400", response);
        Assert.Contains("bad_request", response);
        Assert.Equal(before, world.Origin.Connections);
        Assert.DoesNotContain(world.Origin.Requests, r => r.Path.Contains(marker, StringComparison.Ordinal) || r.Path == "/smuggled");
    }

    private Task<string> RawAsync(string request) => RawHttp.ExchangeAsync(world.Proxy.ProxyPort, request, Ct);
}
