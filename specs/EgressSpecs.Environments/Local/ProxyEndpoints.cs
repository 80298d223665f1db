using System.Net;

namespace EgressSpecs.Environments.Local;

/// <summary>Where a running proxy takes egress traffic, and its admin URL when it has one.</summary>
internal sealed record ProxyEndpoints(EndPoint Traffic, Uri? Admin)
{
    /// <summary>The endpoint of an <c>http://host:port</c> URL (a host name is resolved at connect time).</summary>
    public static EndPoint EndPointOf(Uri url) => IPAddress.TryParse(url.Host.Trim('[', ']'), out var address)
        ? new IPEndPoint(address, url.Port)
        : new DnsEndPoint(url.Host, url.Port);
}
