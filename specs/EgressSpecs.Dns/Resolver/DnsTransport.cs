namespace EgressSpecs.Dns.Resolver;

/// <summary>How the stub resolver reaches the server.</summary>
public enum DnsTransport
{
    /// <summary>UDP, as glibc does by default.</summary>
    Udp,

    /// <summary>TCP only (glibc's <c>options use-vc</c>).</summary>
    Tcp,
}
