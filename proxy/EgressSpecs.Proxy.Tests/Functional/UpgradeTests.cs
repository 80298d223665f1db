using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using EgressSpecs.Proxy.Tests.Support;

namespace EgressSpecs.Proxy.Tests.Functional;

/// <summary>
/// Protocol upgrades end to end, against a hand-written HTTP/1.1 origin: WebSocket tunnels only to a destination that
/// opts in, and a 101 the proxy did not ask for never becomes a tunnel.
/// </summary>
public sealed class UpgradeTests : IAsyncLifetime
{
    private const string Unasked = "unasked.example.test";
    private const string Sockets = "sockets.example.test";

    private readonly string _directory = Directory.CreateTempSubdirectory("egress-upgrade-tests-").FullName;
    private RawTlsOrigin? _unasked;
    private RawTlsOrigin? _sockets;
    private ProxyHost? _proxy;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        var authority = TestCertificates.CreateAuthority("Egress Upgrade Test CA");
        _unasked = RawTlsOrigin.Start(Context(TestCertificates.CreateServer(authority, Unasked)), AnswerUnasked101Async);
        _sockets = RawTlsOrigin.Start(Context(TestCertificates.CreateServer(authority, Sockets)), AnswerWebSocketAsync);

        var settings = ProxyHost.BaseSettings();
        settings["Egress:TrustedCaFile"] = TestCertificates.WritePem(authority, _directory);
        settings["Egress:Destinations:0:Host"] = Unasked;
        settings["Egress:Destinations:0:Port"] = _unasked.Port.ToString();
        settings["Egress:Destinations:0:Address"] = "127.0.0.1";
        settings["Egress:Destinations:0:Upgrade"] = "true";
        settings["Egress:Destinations:1:Host"] = Sockets;
        settings["Egress:Destinations:1:Port"] = _sockets.Port.ToString();
        settings["Egress:Destinations:1:Address"] = "127.0.0.1";
        settings["Egress:Destinations:1:Upgrade"] = "true";
        _proxy = await ProxyHost.StartAsync(settings);
    }

    public async ValueTask DisposeAsync()
    {
        if (_proxy is not null)
        {
            await _proxy.DisposeAsync();
        }

        foreach (var origin in new[] { _unasked, _sockets })
        {
            if (origin is not null)
            {
                await origin.DisposeAsync();
            }
        }

        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task Get_UpstreamSwitchesProtocolsUnasked_Returns502AndOpensNoTunnel()
    {
        // Given an origin that answers 101 to a plain GET (and would then stream anything)

        // When
        var answer = await RawHttp.ExchangeAsync(_proxy!.ProxyPort, $"GET /plain HTTP/1.1\r\nHost: {OriginWorld.Via(Unasked)}\r\n\r\n", Ct);

        // Then
        Assert.Equal(502, RawHttp.StatusOf(answer));
        Assert.Contains("\"reason\":\"upstream_error\"", answer);
        Assert.DoesNotContain("tunnel-bytes", answer);
        Assert.Contains(_unasked!.RequestHeads, head => head.StartsWith("GET /plain ", StringComparison.Ordinal) && !head.Contains("Upgrade", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Get_WebSocketToDestinationThatOptsIn_IsTunnelled()
    {
        // Given a destination with Upgrade: true
        using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync("127.0.0.1", _proxy!.ProxyPort, Ct);

        // When the client asks for a WebSocket and then sends bytes through it
        await socket.SendAsync(Encoding.ASCII.GetBytes(
            $"GET /chat HTTP/1.1\r\nHost: {OriginWorld.Via(Sockets)}\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n" +
            "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n"), Ct);
        var head = await RawHttp.ReadAnswerAsync(socket, Ct);
        await socket.SendAsync("ping"u8.ToArray(), Ct);
        var echo = new byte[4];
        var read = 0;
        while (read < echo.Length)
        {
            var got = await socket.ReceiveAsync(echo.AsMemory(read), Ct);
            Assert.NotEqual(0, got);
            read += got;
        }

        // Then
        Assert.Equal(101, RawHttp.StatusOf(head));
        Assert.Equal("ping", Encoding.ASCII.GetString(echo));
        Assert.Contains(_sockets!.RequestHeads, upstream => upstream.Contains("Upgrade: websocket", StringComparison.OrdinalIgnoreCase));
    }

    private static SslStreamCertificateContext Context(X509Certificate2 certificate) =>
        SslStreamCertificateContext.Create(certificate, additionalCertificates: [], offline: true);

    private static async Task AnswerUnasked101Async(Stream stream, string head, CancellationToken cancellationToken)
    {
        await stream.WriteAsync("HTTP/1.1 101 Switching Protocols\r\nConnection: Upgrade\r\nUpgrade: foo\r\n\r\ntunnel-bytes"u8.ToArray(), cancellationToken);
        await stream.FlushAsync(cancellationToken);
        await EchoAsync(stream, cancellationToken);
    }

    private static async Task AnswerWebSocketAsync(Stream stream, string head, CancellationToken cancellationToken)
    {
        if (!head.Contains("Upgrade: websocket", StringComparison.OrdinalIgnoreCase))
        {
            await stream.WriteAsync("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"u8.ToArray(), cancellationToken);
            return;
        }

        // The proxy forwards the client's key; the answer is checked by the client, not by the proxy.
        await stream.WriteAsync("HTTP/1.1 101 Switching Protocols\r\nConnection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n\r\n"u8.ToArray(), cancellationToken);
        await stream.FlushAsync(cancellationToken);
        await EchoAsync(stream, cancellationToken);
    }

    private static async Task EchoAsync(Stream stream, CancellationToken cancellationToken)
    {
        var buffer = new byte[1024];
        int read;
        while ((read = await stream.ReadAsync(buffer, cancellationToken)) > 0)
        {
            await stream.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            await stream.FlushAsync(cancellationToken);
        }
    }
}
