using System.Net;
using System.Net.Sockets;
using EgressSpecs.Proxy.Configuration;
using EgressSpecs.Proxy.Policy;
using EgressSpecs.Proxy.Routing;
using Microsoft.Extensions.Options;

namespace EgressSpecs.Proxy.Upstream;

/// <summary>
/// SocketsHttpHandler's ConnectCallback: resolves the upstream name once, refuses non-public answers and
/// connects to the vetted address only, so a second lookup can never rebind the name to an internal address.
/// Runs only when a pooled connection is missing, so lookups cost nothing per request.
/// </summary>
internal sealed class UpstreamConnector
{
    private readonly DestinationCatalog _catalog;
    private readonly IHostResolver _resolver;
    private readonly AddressGuard _guard;
    private readonly TimeSpan _dnsTimeout;

    public UpstreamConnector(DestinationCatalog catalog, IHostResolver resolver, AddressGuard guard, IOptions<EgressOptions> options)
    {
        _catalog = catalog;
        _resolver = resolver;
        _guard = guard;
        _dnsTimeout = options.Value.DnsTimeout;
    }

    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host;
        var port = context.DnsEndPoint.Port;

        // The allowlist may have been reloaded since the request was routed: decide again on the current one.
        var entry = _catalog.Current.Match(host)
            ?? throw new UpstreamException(EgressReason.NotAllowed, $"'{host}' is no longer in the allowlist.");
        var addresses = entry.PinnedAddress is { } pinned ? [pinned] : await ResolvePublicAsync(host, cancellationToken).ConfigureAwait(false);

        SocketException? lastError = null;
        foreach (var address in addresses)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, port), cancellationToken).ConfigureAwait(false);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException ex)
            {
                socket.Dispose();
                lastError = ex;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }

        throw new UpstreamException(EgressReason.ConnectFailure, $"Could not connect to '{host}' port {port}: {lastError?.SocketErrorCode}.", lastError);
    }

    /// <summary>Resolves <paramref name="host"/> and refuses the name when any answer is not a public address.</summary>
    public async Task<IPAddress[]> ResolvePublicAsync(string host, CancellationToken cancellationToken)
    {
        IPAddress[] addresses;
        using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            timeout.CancelAfter(_dnsTimeout);
            try
            {
                addresses = await _resolver.ResolveAsync(host, timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new UpstreamException(EgressReason.Timeout, $"DNS lookup of '{host}' timed out after {_dnsTimeout.TotalSeconds:0.###} s.");
            }
            catch (Exception ex) when (ex is not OperationCanceledException and not UpstreamException)
            {
                throw new UpstreamException(EgressReason.DnsFailure, $"DNS lookup of '{host}' failed: {ex.Message}", ex);
            }
        }

        if (addresses.Length == 0)
        {
            throw new UpstreamException(EgressReason.DnsFailure, $"DNS lookup of '{host}' returned no address.");
        }

        // One non-public answer refuses the name: mixing public and internal answers is how rebinding attacks start.
        foreach (var address in addresses)
        {
            var verdict = _guard.Judge(address);
            if (!verdict.IsPublic)
            {
                throw new UpstreamException(EgressReason.PrivateAddress, $"'{host}' resolves to a non-public address: {verdict.Reason}.");
            }
        }

        return addresses;
    }
}
