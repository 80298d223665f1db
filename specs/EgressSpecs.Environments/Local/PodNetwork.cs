using System.Net;
using System.Net.Sockets;
using EgressSpecs.Environments.Apps;

namespace EgressSpecs.Environments.Local;

/// <summary>
/// How a pod reaches things: names through the cluster DNS (as glibc's getaddrinfo does), then a TCP connection to
/// the answer, with a Service's cluster IP and port translated to a real endpoint the way kube-proxy does.
/// Used as the connection callback of a meshed app.
/// </summary>
/// <param name="resolve">The pod's resolver.</param>
/// <param name="services">Cluster IP and port of each Service, to the endpoint that serves it.</param>
internal sealed class PodNetwork(
    Func<string, CancellationToken, Task<HostLookup>> resolve,
    IReadOnlyDictionary<IPEndPoint, EndPoint> services)
{
    public async ValueTask<Stream> ConnectAsync(DnsEndPoint destination, CancellationToken cancellationToken)
    {
        var host = destination.Host;
        var port = destination.Port;
        IReadOnlyList<IPAddress> addresses;
        if (IPAddress.TryParse(host, out var literal))
        {
            addresses = [literal];
        }
        else
        {
            var lookup = await resolve(host, cancellationToken);
            if (!lookup.Resolved)
            {
                throw new NameNotResolvedException(host, lookup.Failure ?? "no address");
            }

            addresses = lookup.Addresses;
        }

        // Like getaddrinfo's callers: try each address in order, report the last failure.
        SocketException? last = null;
        foreach (var address in addresses)
        {
            var answer = new IPEndPoint(address, port);
            var endpoint = services.TryGetValue(answer, out var backend) ? backend : answer;
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(endpoint, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException exception)
            {
                socket.Dispose();
                last = exception;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }

        throw last ?? new SocketException((int)SocketError.HostNotFound);
    }
}
