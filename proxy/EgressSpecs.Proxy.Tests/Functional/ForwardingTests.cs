using System.Net;
using System.Security.Cryptography;
using EgressSpecs.Proxy.Tests.Support;

namespace EgressSpecs.Proxy.Tests.Functional;

public sealed class ForwardingTests(OriginWorldFixture world) : IClassFixture<OriginWorldFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Post_AllowedDestination_ForwardsMethodPathQueryHeadersAndStreamedBody()
    {
        // Given a multi-MiB body of unknown length (streamed, never buffered whole)
        var body = RandomNumberGenerator.GetBytes(5 * 1024 * 1024 + 17);
        var content = new StreamContent(new NonSeekableStream(body));
        content.Headers.ContentType = new("application/octet-stream");
        var marker = Guid.NewGuid().ToString("N");

        // When
        using var response = await world.Proxy.SendAsync(
            OriginWorld.Via(OriginWorld.Api), $"/upload/{marker}?x=1&y=two%20words", HttpMethod.Post, content);

        // Then
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var seen = Assert.Single(world.Origin.Requests, r => r.Path == $"/upload/{marker}");
        Assert.Equal("POST", seen.Method);
        Assert.Equal("?x=1&y=two%20words", seen.Query);
        Assert.Equal("application/octet-stream", seen.Headers["Content-Type"]);
        Assert.Equal(body.LongLength, seen.BodyLength);
        Assert.Equal(Convert.ToHexString(SHA256.HashData(body)), seen.BodySha256);
    }

    [Fact]
    public async Task Get_AllowedDestination_UsesUpstreamNameForSniAndHostAndPrefersHttp2()
    {
        // Given
        var marker = Guid.NewGuid().ToString("N");

        // When the client uses odd case, a trailing dot and its own port on the Host header
        using var response = await world.Proxy.SendAsync("API.Example.Test.Egress.Local.:8080", $"/sni/{marker}");

        // Then
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"hello from {OriginWorld.Api}", await response.Content.ReadAsStringAsync(Ct));
        var seen = Assert.Single(world.Origin.Requests, r => r.Path == $"/sni/{marker}");
        Assert.Equal(OriginWorld.Api, seen.ServerName);
        Assert.Equal($"{OriginWorld.Api}:{world.Origin.Port}", seen.Host);
        Assert.Equal("HTTP/2", seen.Protocol);
    }

    [Fact]
    public async Task Get_WithProxyAndForwardingHeaders_StripsThemAndAddsNone()
    {
        // Given
        var marker = Guid.NewGuid().ToString("N");
        var request = new HttpRequestMessage(HttpMethod.Get, $"http://127.0.0.1:{world.Proxy.ProxyPort}/headers/{marker}");
        request.Headers.Host = OriginWorld.Via(OriginWorld.Api);
        request.Headers.TryAddWithoutValidation("Proxy-Authorization", "Basic c2VjcmV0OnNlY3JldA==");
        request.Headers.TryAddWithoutValidation("X-Forwarded-For", "10.1.2.3");
        request.Headers.TryAddWithoutValidation("X-Forwarded-Host", "app.internal");
        request.Headers.TryAddWithoutValidation("Forwarded", "for=10.1.2.3");
        request.Headers.TryAddWithoutValidation("Via", "1.1 sidecar");
        request.Headers.TryAddWithoutValidation("Proxy", "http://attacker.example:8080");
        request.Headers.TryAddWithoutValidation("X-Custom", "kept");
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer for-the-third-party");

        // When
        using var response = await world.Proxy.Client.SendAsync(request, Ct);

        // Then
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var seen = Assert.Single(world.Origin.Requests, r => r.Path == $"/headers/{marker}");
        Assert.Equal("kept", seen.Headers["X-Custom"]);
        Assert.Equal("Bearer for-the-third-party", seen.Headers["Authorization"]);
        Assert.DoesNotContain(seen.Headers.Keys, name =>
            name.StartsWith("X-Forwarded-", StringComparison.OrdinalIgnoreCase)
            || name is "Forwarded" or "Via" or "Proxy-Authorization" or "Proxy" or "X-Real-IP");
        Assert.False(response.Headers.Contains("Via"));
    }

    [Fact]
    public async Task Get_UpstreamRedirectsToItself_RewritesLocationToTheProxyName()
    {
        // Given the origin answers 302 Location: https://api.example.test:<port>/landing?from=redirect

        // When
        using var response = await world.Proxy.SendAsync(OriginWorld.Via(OriginWorld.Api) + ":8080", "/redirect");

        // Then
        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal($"http://{OriginWorld.Via(OriginWorld.Api)}:8080/landing?from=redirect", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Get_UpstreamRedirectsElsewhere_LeavesLocationAlone()
    {
        // When
        using var response = await world.Proxy.SendAsync(OriginWorld.Via(OriginWorld.Api), "/redirect-elsewhere");

        // Then
        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal("https://elsewhere.example.test/landing", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Get_ManyRequests_ReuseOnePooledUpstreamConnection()
    {
        // Given a warm connection
        using (await world.Proxy.SendAsync(OriginWorld.Via(OriginWorld.Api), "/warm"))
        {
        }

        var before = world.Origin.Connections;

        // When
        for (var i = 0; i < 20; i++)
        {
            using var response = await world.Proxy.SendAsync(OriginWorld.Via(OriginWorld.Api), "/pooled");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        // Then no new TLS handshake was needed
        Assert.Equal(before, world.Origin.Connections);
    }

    private sealed class NonSeekableStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;
    }
}
