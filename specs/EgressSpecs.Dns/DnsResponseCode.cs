namespace EgressSpecs.Dns;

/// <summary>The DNS RCODE of a response (RFC 1035 section 4.1.1).</summary>
public enum DnsResponseCode
{
    /// <summary>NOERROR: the name exists (possibly with no record of the asked type: NODATA).</summary>
    NoError = 0,

    /// <summary>FORMERR.</summary>
    FormatError = 1,

    /// <summary>SERVFAIL: CoreDNS answers this when a rewrite produces an invalid name.</summary>
    ServerFailure = 2,

    /// <summary>NXDOMAIN: the name does not exist.</summary>
    NxDomain = 3,

    /// <summary>NOTIMP.</summary>
    NotImplemented = 4,

    /// <summary>REFUSED.</summary>
    Refused = 5,
}
