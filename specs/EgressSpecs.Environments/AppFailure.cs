namespace EgressSpecs.Environments;

/// <summary>Why an exchange ended before a response arrived.</summary>
public sealed record AppFailure(AppFailureKind Kind, string Message)
{
    /// <summary>
    /// True when the network stopped the call (refused, reset or silently dropped), as a NetworkPolicy does; false when
    /// the call got further (a name that did not resolve, a certificate it refused), which proves nothing about a block.
    /// </summary>
    public bool IsNetworkBlock => Kind is AppFailureKind.ConnectionRefused or AppFailureKind.ConnectionReset or AppFailureKind.Timeout;
}

/// <summary>The expected ways a plaintext call fails before any response.</summary>
public enum AppFailureKind
{
    /// <summary>The host name did not resolve (as getaddrinfo's "host not found").</summary>
    NameNotResolved,

    /// <summary>The address resolved but nothing accepted the TCP connection.</summary>
    ConnectionRefused,

    /// <summary>No response within the request's timeout.</summary>
    Timeout,

    /// <summary>The peer (or something on the path) reset the connection.</summary>
    ConnectionReset,

    /// <summary>Anything else (a certificate error, a protocol error...); the message says what.</summary>
    Other,
}
