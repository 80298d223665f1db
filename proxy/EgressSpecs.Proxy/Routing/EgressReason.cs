namespace EgressSpecs.Proxy.Routing;

/// <summary>Why a request was refused or failed upstream; the codes are stable API (problem+json <c>reason</c>, metric labels).</summary>
internal enum EgressReason
{
    MissingSuffix,
    EmptyName,
    NestedSuffix,
    InvalidName,
    IpLiteral,
    InternalName,
    NotAllowed,
    PrivateAddress,
    UpgradeNotAllowed,
    MethodNotAllowed,
    BadRequest,
    DnsFailure,
    ConnectFailure,
    TlsFailure,
    UpstreamError,
    Timeout,
}

internal static class EgressReasons
{
    public static readonly EgressReason[] Denials =
    [
        EgressReason.MissingSuffix, EgressReason.EmptyName, EgressReason.NestedSuffix, EgressReason.InvalidName,
        EgressReason.IpLiteral, EgressReason.InternalName, EgressReason.NotAllowed, EgressReason.PrivateAddress,
        EgressReason.UpgradeNotAllowed, EgressReason.MethodNotAllowed, EgressReason.BadRequest,
    ];

    public static readonly EgressReason[] UpstreamFailures =
    [
        EgressReason.DnsFailure, EgressReason.ConnectFailure, EgressReason.TlsFailure, EgressReason.UpstreamError, EgressReason.Timeout,
    ];

    public static string Code(this EgressReason reason) => reason switch
    {
        EgressReason.MissingSuffix => "missing_suffix",
        EgressReason.EmptyName => "empty_name",
        EgressReason.NestedSuffix => "nested_suffix",
        EgressReason.InvalidName => "invalid_name",
        EgressReason.IpLiteral => "ip_literal",
        EgressReason.InternalName => "internal_name",
        EgressReason.NotAllowed => "not_allowed",
        EgressReason.PrivateAddress => "private_address",
        EgressReason.UpgradeNotAllowed => "upgrade_not_allowed",
        EgressReason.MethodNotAllowed => "method_not_allowed",
        EgressReason.BadRequest => "bad_request",
        EgressReason.DnsFailure => "dns_failure",
        EgressReason.ConnectFailure => "connect_failure",
        EgressReason.TlsFailure => "tls_failure",
        EgressReason.UpstreamError => "upstream_error",
        _ => "timeout",
    };

    public static int StatusCode(this EgressReason reason) => reason switch
    {
        EgressReason.NotAllowed or EgressReason.PrivateAddress or EgressReason.UpgradeNotAllowed => StatusCodes.Status403Forbidden,
        EgressReason.MethodNotAllowed => StatusCodes.Status405MethodNotAllowed,
        EgressReason.DnsFailure or EgressReason.ConnectFailure or EgressReason.TlsFailure or EgressReason.UpstreamError => StatusCodes.Status502BadGateway,
        EgressReason.Timeout => StatusCodes.Status504GatewayTimeout,
        _ => StatusCodes.Status400BadRequest,
    };

    public static string Title(this EgressReason reason) => reason switch
    {
        EgressReason.MissingSuffix => "Host does not end in the egress suffix",
        EgressReason.EmptyName => "Host names no destination before the egress suffix",
        EgressReason.NestedSuffix => "Destination still ends in the egress suffix",
        EgressReason.InvalidName => "Destination is not a valid DNS name",
        EgressReason.IpLiteral => "Destination is an IP address literal",
        EgressReason.InternalName => "Destination is an internal name",
        EgressReason.NotAllowed => "Destination is not allowed",
        EgressReason.PrivateAddress => "Destination resolves to a non-public address",
        EgressReason.UpgradeNotAllowed => "Protocol upgrade is not allowed to this destination",
        EgressReason.MethodNotAllowed => "CONNECT tunnelling is not supported",
        EgressReason.BadRequest => "Malformed request",
        EgressReason.DnsFailure => "Destination name could not be resolved",
        EgressReason.ConnectFailure => "Could not connect to the destination",
        EgressReason.TlsFailure => "TLS with the destination failed",
        EgressReason.UpstreamError => "The destination exchange failed",
        _ => "The destination timed out",
    };
}
