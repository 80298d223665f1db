using EgressSpecs.Proxy.Tests.Support;

namespace EgressSpecs.Proxy.Tests.Functional;

/// <summary>
/// Findings of the independent attack run (issue 12), each sent as raw bytes: what must not reach the third party
/// does not, and what must be refused is refused before any byte goes upstream.
/// </summary>
public sealed class HeaderHardeningTests(OriginWorldFixture world) : IClassFixture<OriginWorldFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Host => OriginWorld.Via(OriginWorld.Api);

    [Theory]
    [InlineData("Connection: close, X-Hop-Secret")]
    [InlineData("Connection: X-Hop-Secret, keep-alive")]
    [InlineData("Connection: keep-alive,x-hop-SECRET")]
    [InlineData("Connection: keep-alive\r\nConnection: X-Hop-Secret")]
    [InlineData("Connection: Upgrade, X-Hop-Secret\r\nUpgrade: h2c")]
    [InlineData("Connection: X-Hop-Secret")]
    public async Task Get_ConnectionNamingAHeader_Returns400AndSendsNothing(string connection)
    {
        // Given a header that Connection names, in any order and case, next to close, keep-alive or Upgrade or alone
        var marker = Guid.NewGuid().ToString("N");
        var before = world.Origin.Connections;

        // When
        var answer = await SendAsync($"GET /hop/{marker} HTTP/1.1\r\nHost: {Host}\r\n{connection}\r\nX-Hop-Secret: leak\r\n\r\n");

        // Then the proxy, which cannot see the whole list (Kestrel keeps only a lone option), refuses the request
        Assert.Equal(400, RawHttp.StatusOf(answer));
        Assert.DoesNotContain(world.Origin.Requests, r => r.Path.Contains(marker, StringComparison.Ordinal));
        Assert.Equal(before, world.Origin.Connections);
    }

    [Theory]
    [InlineData("Connection: keep-alive")]
    [InlineData("Connection: close")]
    [InlineData("Connection: TE, close\r\nTE: trailers")]
    [InlineData("Connection: Keep-Alive, Upgrade")]
    public async Task Get_ConnectionHoldingOnlyOptions_IsForwardedWithoutIt(string connection)
    {
        // Given
        var marker = Guid.NewGuid().ToString("N");

        // When
        var answer = await SendAsync($"GET /options/{marker} HTTP/1.1\r\nHost: {Host}\r\n{connection}\r\nX-Kept: yes\r\n\r\n");

        // Then
        Assert.Equal(200, RawHttp.StatusOf(answer));
        var seen = Seen(marker);
        Assert.DoesNotContain(seen.Headers.Keys, name => name is "Connection" or "TE" or "Keep-Alive" or "Upgrade");
        Assert.Equal("yes", seen.Headers["X-Kept"]);
    }

    [Fact]
    public async Task Get_H2cUpgradeWithHttp2Settings_IsForwardedAsAPlainRequestWithoutThem()
    {
        // Given curl --http2's cleartext upgrade, which concerns the client-proxy connection only
        var marker = Guid.NewGuid().ToString("N");

        // When
        var answer = await SendAsync(
            $"GET /h2c/{marker} HTTP/1.1\r\nHost: {Host}\r\nConnection: Upgrade, HTTP2-Settings\r\nUpgrade: h2c\r\nHTTP2-Settings: AAMAAABkAARAAAAAAAIAAAAA\r\n\r\n");

        // Then the proxy ignores the upgrade (RFC 9110 7.8) and forwards none of it
        Assert.Equal(200, RawHttp.StatusOf(answer));
        var seen = Seen(marker);
        Assert.DoesNotContain(seen.Headers.Keys, name => name is "HTTP2-Settings" or "Upgrade" or "Connection");
    }

    [Theory]
    [InlineData(0x01)]
    [InlineData(0x08)]
    [InlineData(0x0B)]
    [InlineData(0x0C)]
    [InlineData(0x1B)]
    [InlineData(0x1F)]
    [InlineData(0x7F)]
    public async Task Get_ControlCharacterInAHeaderValue_Returns400AndSendsNothing(int control)
    {
        // Given
        var marker = Guid.NewGuid().ToString("N");
        var before = world.Origin.Connections;

        // When
        var answer = await SendAsync($"GET /control/{marker} HTTP/1.1\r\nHost: {Host}\r\nX-Custom: a{(char)control}b\r\nConnection: close\r\n\r\n");

        // Then
        Assert.Equal(400, RawHttp.StatusOf(answer));
        Assert.Contains("\"reason\":\"bad_request\"", answer);
        Assert.DoesNotContain(world.Origin.Requests, r => r.Path.Contains(marker, StringComparison.Ordinal));
        Assert.Equal(before, world.Origin.Connections);
    }

    [Fact]
    public async Task Get_ControlCharacterInAContentHeader_Returns400()
    {
        // Given a control character in a header HttpClient keeps on the content, not on the request
        var marker = Guid.NewGuid().ToString("N");

        // When
        var answer = await SendAsync($"POST /control/{marker} HTTP/1.1\r\nHost: {Host}\r\nContent-Type: text/plain\u001b\r\nContent-Length: 2\r\nConnection: close\r\n\r\nhi");

        // Then
        Assert.Equal(400, RawHttp.StatusOf(answer));
        Assert.DoesNotContain(world.Origin.Requests, r => r.Path.Contains(marker, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Transfer_Encoding: chunked")]
    [InlineData("X_Forwarded_For: 10.1.2.3")]
    [InlineData("Proxy_Authorization: Basic c2VjcmV0OnNlY3JldA==")]
    [InlineData("Content_Length: 0")]
    public async Task Get_HeaderNameWithUnderscore_IsNotForwardedByDefault(string header)
    {
        // Given a name that CGI, WSGI and Rack would read as the header with '-'
        var marker = Guid.NewGuid().ToString("N");

        // When
        var answer = await SendAsync($"GET /underscore/{marker} HTTP/1.1\r\nHost: {Host}\r\n{header}\r\nX-Kept: yes\r\n\r\n");

        // Then
        Assert.Equal(200, RawHttp.StatusOf(answer));
        var seen = Seen(marker);
        Assert.DoesNotContain(seen.Headers.Keys, name => name.Contains('_', StringComparison.Ordinal));
        Assert.Equal("yes", seen.Headers["X-Kept"]);
    }

    [Fact]
    public async Task Get_HeaderNameWithUnderscore_IsForwardedWhenAllowed()
    {
        // Given a proxy with Egress:AllowUnderscoresInHeaderNames=true
        var settings = ProxyHost.BaseSettings();
        settings["Egress:TrustedCaFile"] = world.TrustedCaFile;
        settings["Egress:AllowUnderscoresInHeaderNames"] = "true";
        settings["Egress:Destinations:0:Host"] = OriginWorld.Api;
        settings["Egress:Destinations:0:Port"] = world.Origin.Port.ToString();
        settings["Egress:Destinations:0:Address"] = "127.0.0.1";
        await using var proxy = await ProxyHost.StartAsync(settings);
        var marker = Guid.NewGuid().ToString("N");

        // When
        var answer = await RawHttp.ExchangeAsync(proxy.ProxyPort, $"GET /underscore/{marker} HTTP/1.1\r\nHost: {Host}\r\nX_Custom: kept\r\n\r\n", Ct);

        // Then
        Assert.Equal(200, RawHttp.StatusOf(answer));
        Assert.Equal("kept", Seen(marker).Headers["X_Custom"]);
    }

    [Theory]
    [InlineData("+5")]
    [InlineData("-0")]
    [InlineData("+0")]
    public async Task Post_ContentLengthWithASign_Returns400AndSendsNothing(string contentLength)
    {
        // Given
        var marker = Guid.NewGuid().ToString("N");
        var before = world.Origin.Connections;

        // When
        var answer = await SendAsync($"POST /length/{marker} HTTP/1.1\r\nHost: {Host}\r\nContent-Length: {contentLength}\r\n\r\nhello");

        // Then
        Assert.Equal(400, RawHttp.StatusOf(answer));
        Assert.DoesNotContain(world.Origin.Requests, r => r.Path.Contains(marker, StringComparison.Ordinal));
        Assert.Equal(before, world.Origin.Connections);
    }

    [Fact]
    public async Task Post_ContentLengthOfDigits_IsForwarded()
    {
        // Given
        var marker = Guid.NewGuid().ToString("N");

        // When
        var answer = await SendAsync($"POST /length/{marker} HTTP/1.1\r\nHost: {Host}\r\nContent-Length: 005\r\n\r\nhello");

        // Then
        Assert.Equal(200, RawHttp.StatusOf(answer));
        Assert.Equal(5, Seen(marker).BodyLength);
    }

    [Theory]
    [InlineData("Proxy: http://attacker.example:8080")]
    [InlineData("Proxy-Foo: bar")]
    [InlineData("Proxy-Connection: keep-alive")]
    [InlineData("proxy-authorization: Basic c2VjcmV0OnNlY3JldA==")]
    public async Task Get_ProxyHeader_IsNotForwarded(string header)
    {
        // Given Proxy (httpoxy) or any Proxy-* header
        var marker = Guid.NewGuid().ToString("N");

        // When
        var answer = await SendAsync($"GET /proxy/{marker} HTTP/1.1\r\nHost: {Host}\r\n{header}\r\n\r\n");

        // Then
        Assert.Equal(200, RawHttp.StatusOf(answer));
        Assert.DoesNotContain(Seen(marker).Headers.Keys, name => name.StartsWith("Proxy", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("websocket")]
    [InlineData("WebSocket")]
    [InlineData("foo")]
    [InlineData("SPDY/3.1")]
    [InlineData("h2c, websocket")]
    public async Task Get_UpgradeToDestinationWithoutOptIn_Returns403AndSendsNothing(string upgrade)
    {
        // Given
        var marker = Guid.NewGuid().ToString("N");
        var before = world.Origin.Connections;

        // When
        var answer = await SendAsync(
            $"GET /upgrade/{marker} HTTP/1.1\r\nHost: {Host}\r\nConnection: Upgrade\r\nUpgrade: {upgrade}\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n");

        // Then
        Assert.Equal(403, RawHttp.StatusOf(answer));
        Assert.Contains("\"reason\":\"upgrade_not_allowed\"", answer);
        Assert.DoesNotContain(world.Origin.Requests, r => r.Path.Contains(marker, StringComparison.Ordinal));
        Assert.Equal(before, world.Origin.Connections);
    }

    private Task<string> SendAsync(string request) => RawHttp.ExchangeAsync(world.Proxy.ProxyPort, request, Ct);

    private SeenRequest Seen(string marker) => Assert.Single(world.Origin.Requests, r => r.Path.Contains(marker, StringComparison.Ordinal));
}
