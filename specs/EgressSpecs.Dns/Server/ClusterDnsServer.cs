using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using ARSoft.Tools.Net.Dns;

namespace EgressSpecs.Dns.Server;

/// <summary>
/// A loopback DNS server (ARSoft.Tools.Net) standing in for cluster DNS: UDP and TCP on one port,
/// CoreDNS rewrite semantics, answers from a record table, and a log of the questions it saw.
/// </summary>
public sealed class ClusterDnsServer : IAsyncDisposable
{
    private const int TransportTimeoutMilliseconds = 5000;
    private const int TcpKeepAliveMilliseconds = 5000;
    private const int PortAttempts = 20;

    private readonly DnsServer _server;
    private readonly ClusterDnsResponder _responder;
    private readonly ConcurrentQueue<SeenDnsQuestion> _questionsSeen = new();
    private int _disposed;

    private ClusterDnsServer(DnsServer server, ClusterDnsResponder responder, IPEndPoint endPoint)
    {
        _server = server;
        _responder = responder;
        EndPoint = endPoint;
        _server.QueryReceived += OnQueryReceivedAsync;
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
            return Task.FromResult(Start(responder, new IPEndPoint(options.BindAddress, options.Port)));
        }

        // ARSoft binds each transport on its own, so "port 0" would give UDP and TCP different
        // ports: pick a port the kernel says is free, then retry if TCP or UDP lost the race.
        for (var attempt = 1; ; attempt++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var endPoint = new IPEndPoint(options.BindAddress, FreeUdpPort(options.BindAddress));
            try
            {
                return Task.FromResult(Start(responder, endPoint));
            }
            catch (SocketException exception) when (exception.SocketErrorCode == SocketError.AddressAlreadyInUse && attempt < PortAttempts)
            {
                // Someone took the port between the probe and the bind; try another.
            }
        }
    }

    /// <summary>Stops listening on both transports.</summary>
    public ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _server.QueryReceived -= OnQueryReceivedAsync;
            try
            {
                _server.Stop();
            }
            catch (AggregateException exception) when (exception.InnerExceptions.All(inner => inner is OperationCanceledException))
            {
                // Stop cancels the accept loops and then waits for them: their cancellation is the expected end.
            }
        }

        return ValueTask.CompletedTask;
    }

    private static ClusterDnsServer Start(ClusterDnsResponder responder, IPEndPoint endPoint)
    {
        var udp = new UdpServerTransport(endPoint, TransportTimeoutMilliseconds);
        var tcp = new TcpServerTransport(endPoint, TransportTimeoutMilliseconds, TcpKeepAliveMilliseconds);
        var server = new DnsServer(udp, tcp);
        var clusterDns = new ClusterDnsServer(server, responder, endPoint);
        try
        {
            server.Start();
        }
        catch
        {
            // Start binds the transports one by one: release whichever did bind.
            udp.Close();
            tcp.Close();
            throw;
        }

        return clusterDns;
    }

    private static int FreeUdpPort(IPAddress address)
    {
        using var probe = new Socket(address.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        probe.Bind(new IPEndPoint(address, 0));
        return ((IPEndPoint)probe.LocalEndPoint!).Port;
    }

    private Task OnQueryReceivedAsync(object sender, QueryReceivedEventArgs eventArgs)
    {
        if (eventArgs.Query is DnsMessage query)
        {
            var transport = eventArgs.TransportProtocol == TransportProtocol.Tcp ? "tcp" : "udp";
            var (response, seen) = _responder.Answer(query, transport);
            _questionsSeen.Enqueue(seen);
            eventArgs.Response = response;
        }

        return Task.CompletedTask;
    }
}
