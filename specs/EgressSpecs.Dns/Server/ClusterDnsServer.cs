using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace EgressSpecs.Dns.Server;

/// <summary>
/// A loopback DNS server standing in for cluster DNS: UDP and TCP on one port, CoreDNS rewrite
/// semantics, answers from a record table, and a log of the questions it saw. It reads and writes the
/// wire format itself so that the question goes back byte for byte as it was asked (a label byte
/// outside ASCII included) and the rules see the name as CoreDNS does (<see cref="DnsWireName"/>).
/// </summary>
public sealed class ClusterDnsServer : IAsyncDisposable
{
    private static readonly TimeSpan TcpIdleTimeout = TimeSpan.FromSeconds(5);
    private const int PortAttempts = 20;
    private const int MaxUdpMessage = 65535;

    private readonly Socket _udp;
    private readonly Socket _tcp;
    private readonly ClusterDnsResponder _responder;
    private readonly ConcurrentQueue<SeenDnsQuestion> _questionsSeen = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<Task, bool> _connections = new();
    private readonly Task _udpLoop;
    private readonly Task _tcpLoop;
    private int _disposed;

    private ClusterDnsServer(Socket udp, Socket tcp, ClusterDnsResponder responder)
    {
        _udp = udp;
        _tcp = tcp;
        _responder = responder;
        EndPoint = (IPEndPoint)udp.LocalEndPoint!;
        _udpLoop = Task.Run(ServeUdpAsync);
        _tcpLoop = Task.Run(AcceptTcpAsync);
    }

    /// <summary>The address and port, the same for UDP and TCP.</summary>
    public IPEndPoint EndPoint { get; }

    /// <summary>The questions answered so far, oldest first.</summary>
    public IReadOnlyList<SeenDnsQuestion> QuestionsSeen => _questionsSeen.ToArray();

    /// <summary>Starts listening; with <see cref="ClusterDnsOptions.Port"/> 0 a port free for UDP and TCP is chosen.</summary>
    /// <exception cref="SocketException">The given port is in use, or no free port was found.</exception>
    public static Task<ClusterDnsServer> StartAsync(ClusterDnsOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var responder = new ClusterDnsResponder(options.Rules, new RecordTable(options.Records), options.TimeToLiveSeconds);

        if (options.Port != 0)
        {
            var (udp, tcp) = Bind(new IPEndPoint(options.BindAddress, options.Port));
            return Task.FromResult(new ClusterDnsServer(udp, tcp, responder));
        }

        // The kernel picks a free UDP port; TCP may find it taken, then try another.
        for (var attempt = 1; ; attempt++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                var (udp, tcp) = Bind(new IPEndPoint(options.BindAddress, 0));
                return Task.FromResult(new ClusterDnsServer(udp, tcp, responder));
            }
            catch (SocketException exception) when (exception.SocketErrorCode == SocketError.AddressAlreadyInUse && attempt < PortAttempts)
            {
                // Someone holds that port for TCP; try another.
            }
        }
    }

    /// <summary>Stops listening on both transports and waits for the loops to end.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _stopping.CancelAsync();
        _udp.Dispose();
        _tcp.Dispose();
        await Task.WhenAll([_udpLoop, _tcpLoop, .. _connections.Keys]);
        _stopping.Dispose();
    }

    private static (Socket Udp, Socket Tcp) Bind(IPEndPoint endPoint)
    {
        var udp = new Socket(endPoint.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        var tcp = new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            udp.Bind(endPoint);
            tcp.Bind(new IPEndPoint(endPoint.Address, ((IPEndPoint)udp.LocalEndPoint!).Port));
            tcp.Listen();
            return (udp, tcp);
        }
        catch
        {
            udp.Dispose();
            tcp.Dispose();
            throw;
        }
    }

    private async Task ServeUdpAsync()
    {
        var buffer = new byte[MaxUdpMessage];
        EndPoint any = new IPEndPoint(EndPoint.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0);
        while (!_stopping.IsCancellationRequested)
        {
            SocketReceiveFromResult received;
            try
            {
                received = await _udp.ReceiveFromAsync(buffer, SocketFlags.None, any, _stopping.Token);
            }
            catch (Exception exception) when (exception is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                if (_stopping.IsCancellationRequested)
                {
                    return;
                }

                // A client's ICMP "port unreachable" for an earlier answer surfaces here; keep serving.
                continue;
            }

            if (Answer(buffer.AsSpan(0, received.ReceivedBytes), "udp") is { } response)
            {
                try
                {
                    await _udp.SendToAsync(response, SocketFlags.None, received.RemoteEndPoint, _stopping.Token);
                }
                catch (Exception exception) when (exception is OperationCanceledException or ObjectDisposedException or SocketException)
                {
                    // The client went away or the server is stopping: nothing to answer to.
                }
            }
        }
    }

    private async Task AcceptTcpAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _tcp.AcceptAsync(_stopping.Token);
            }
            catch (Exception exception) when (exception is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                if (_stopping.IsCancellationRequested)
                {
                    return;
                }

                continue;
            }

            var connection = ServeTcpAsync(client);
            _connections[connection] = true;
            _ = connection.ContinueWith(done => _connections.TryRemove(done, out _), TaskScheduler.Default);
        }
    }

    private async Task ServeTcpAsync(Socket client)
    {
        using (client)
        {
            var lengthBytes = new byte[2];
            try
            {
                // RFC 7766: several queries may share a connection; each message carries a two-byte length.
                while (!_stopping.IsCancellationRequested)
                {
                    using var idle = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
                    idle.CancelAfter(TcpIdleTimeout);
                    if (!await ReadExactlyAsync(client, lengthBytes, idle.Token))
                    {
                        return;
                    }

                    var message = new byte[BinaryPrimitives.ReadUInt16BigEndian(lengthBytes)];
                    if (!await ReadExactlyAsync(client, message, idle.Token))
                    {
                        return;
                    }

                    if (Answer(message, "tcp") is not { } response)
                    {
                        return;
                    }

                    var framed = new byte[response.Length + 2];
                    BinaryPrimitives.WriteUInt16BigEndian(framed, (ushort)response.Length);
                    response.CopyTo(framed, 2);
                    await client.SendAsync(framed, SocketFlags.None, _stopping.Token);
                }
            }
            catch (Exception exception) when (exception is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                // Idle timeout, a client that hung up, or the server stopping: the connection ends.
            }
        }
    }

    private static async Task<bool> ReadExactlyAsync(Socket socket, byte[] buffer, CancellationToken cancellationToken)
    {
        var read = 0;
        while (read < buffer.Length)
        {
            var count = await socket.ReceiveAsync(buffer.AsMemory(read), SocketFlags.None, cancellationToken);
            if (count == 0)
            {
                return false;
            }

            read += count;
        }

        return true;
    }

    private byte[]? Answer(ReadOnlySpan<byte> message, string transport)
    {
        if (DnsQuery.Read(message) is not { } query)
        {
            return null;
        }

        var (response, seen) = _responder.Answer(query, transport);
        _questionsSeen.Enqueue(seen);
        return response;
    }
}
