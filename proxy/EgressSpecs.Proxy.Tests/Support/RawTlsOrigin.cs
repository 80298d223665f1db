using System.Collections.Concurrent;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Text;

namespace EgressSpecs.Proxy.Tests.Support;

/// <summary>
/// A TLS server on 127.0.0.1 that speaks HTTP/1.1 by hand (no ALPN), for what Kestrel will not do: present a certificate
/// without its intermediate, or answer 101 to a request that asked for no upgrade. Records each request head.
/// </summary>
internal sealed class RawTlsOrigin : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly SslStreamCertificateContext _certificate;
    private readonly Func<Stream, string, CancellationToken, Task> _answer;
    private readonly Task _accepting;
    private int _connections;

    private RawTlsOrigin(SslStreamCertificateContext certificate, Func<Stream, string, CancellationToken, Task> answer)
    {
        _certificate = certificate;
        _answer = answer;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public int Connections => Volatile.Read(ref _connections);

    public ConcurrentQueue<string> RequestHeads { get; } = new();

    /// <summary>Starts serving; <paramref name="answer"/> writes the response to each request head.</summary>
    public static RawTlsOrigin Start(SslStreamCertificateContext certificate, Func<Stream, string, CancellationToken, Task> answer) =>
        new(certificate, answer);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _accepting;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _listener.AcceptSocketAsync(_stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            Interlocked.Increment(ref _connections);
            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(Socket client)
    {
        try
        {
            await using var tls = new SslStream(new NetworkStream(client, ownsSocket: true));
            await tls.AuthenticateAsServerAsync(new SslServerAuthenticationOptions { ServerCertificateContext = _certificate }, _stop.Token);
            var head = await ReadHeadAsync(tls, _stop.Token);
            if (head is null)
            {
                return;
            }

            RequestHeads.Enqueue(head);
            await _answer(tls, head, _stop.Token);
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or System.Security.Authentication.AuthenticationException or ObjectDisposedException)
        {
            // The proxy refused the certificate or went away: nothing more to serve on this connection.
        }
    }

    private static async Task<string?> ReadHeadAsync(Stream stream, CancellationToken cancellationToken)
    {
        var received = new StringBuilder();
        var buffer = new byte[1];
        while (!received.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
        {
            if (await stream.ReadAsync(buffer, cancellationToken) == 0)
            {
                return null;
            }

            received.Append((char)buffer[0]);
        }

        return received.ToString();
    }
}
