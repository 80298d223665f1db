using System.Net;

namespace EgressSpecs.Proxy.Upstream;

/// <summary>The operating system's resolver (getaddrinfo on Linux), used when no <c>Egress:DnsServers</c> are set.</summary>
internal sealed class SystemHostResolver : IHostResolver
{
    public Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken) =>
        Dns.GetHostAddressesAsync(host, cancellationToken);
}
