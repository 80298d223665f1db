namespace EgressSpecs.Dns.Resolver;

/// <summary>The question types the raw query offers.</summary>
public enum DnsQueryType
{
    /// <summary>IPv4 address.</summary>
    A = 1,

    /// <summary>Alias.</summary>
    Cname = 5,

    /// <summary>Text.</summary>
    Txt = 16,

    /// <summary>IPv6 address.</summary>
    Aaaa = 28,
}
