using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace EgressSpecs.Environments.Local.Pods;

/// <summary>
/// A Service address whose endpoint the target does not start (an external proxy under test, <c>EGRESS_SPECS_PROXY_URL</c>):
/// accepts on the pod's Service address and port 80 and relays the bytes both ways, as kube-proxy's userspace mode did.
/// An end of stream is passed on as a half-close, a reset as a reset, and an endpoint that refuses the connection
/// resets the app's. Our own proxy needs none of this: it listens on the Service address itself.
/// </summary>
internal sealed class ServiceRelay : IAsyncDisposable
{
    private const int BufferSize = 64 * 1024;

    private readonly Socket _listener;
    private readonly EndPoint _endpoint;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<Task, bool> _connections = new();
    private readonly Task _acceptLoop;

    private ServiceRelay(Socket listener, EndPoint endpoint)
    {
        _listener = listener;
        _endpoint = endpoint;
        _acceptLoop = Task.Run(AcceptAsync);
    }

    /// <summary>Where apps connect.</summary>
    public IPEndPoint Service => (IPEndPoint)_listener.LocalEndPoint!;

    /// <exception cref="SocketException"><paramref name="service"/> cannot be bound.</exception>
    public static ServiceRelay Start(IPEndPoint service, EndPoint endpoint)
    {
        var listener = new Socket(service.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            listener.Bind(service);
            listener.Listen();
            return new ServiceRelay(listener, endpoint);
        }
        catch
        {
            listener.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Dispose();
        await Task.WhenAll([_acceptLoop, .. _connections.Keys]);
        _stopping.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            Socket app;
            try
            {
                app = await _listener.AcceptAsync(_stopping.Token);
            }
            catch (Exception exception) when (exception is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                if (_stopping.IsCancellationRequested)
                {
                    return;
                }

                continue;
            }

            var connection = RelayAsync(app);
            _connections[connection] = true;
            _ = connection.ContinueWith(done => _connections.TryRemove(done, out _), TaskScheduler.Default);
        }
    }

    private async Task RelayAsync(Socket app)
    {
        using (app)
        using (var endpoint = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true })
        {
            app.NoDelay = true;
            try
            {
                await endpoint.ConnectAsync(_endpoint, _stopping.Token);
            }
            catch (Exception exception) when (exception is SocketException or OperationCanceledException)
            {
                Reset(app);
                return;
            }

            await Task.WhenAll(PumpAsync(app, endpoint), PumpAsync(endpoint, app));
        }
    }

    /// <summary>Copies until the end of stream, then half-closes; a failure on either side resets both.</summary>
    private async Task PumpAsync(Socket from, Socket to)
    {
        var buffer = new byte[BufferSize];
        try
        {
            while (true)
            {
                var read = await from.ReceiveAsync(buffer, SocketFlags.None, _stopping.Token);
                if (read == 0)
                {
                    to.Shutdown(SocketShutdown.Send);
                    return;
                }

                await to.SendAsync(buffer.AsMemory(0, read), SocketFlags.None, _stopping.Token);
            }
        }
        catch (Exception exception) when (exception is SocketException or OperationCanceledException or ObjectDisposedException)
        {
            Reset(from);
            Reset(to);
        }
    }

    private static void Reset(Socket socket)
    {
        try
        {
            // Linger 0 then close: the peer gets a RST, as from kube-proxy's REJECT or a reset endpoint.
            socket.LingerState = new LingerOption(true, 0);
            socket.Close();
        }
        catch (Exception exception) when (exception is SocketException or ObjectDisposedException)
        {
            // Already gone.
        }
    }
}
