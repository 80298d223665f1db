namespace EgressSpecs.Environments;

/// <summary>Why an exchange ended before a response arrived.</summary>
public sealed record AppFailure(AppFailureKind Kind, string Message);

/// <summary>The expected ways a plaintext call fails before any response.</summary>
public enum AppFailureKind
{
    /// <summary>The host name did not resolve (as getaddrinfo's "host not found").</summary>
    NameNotResolved,

    /// <summary>The address resolved but nothing accepted the TCP connection.</summary>
    ConnectionRefused,

    /// <summary>No response within the request's timeout.</summary>
    Timeout,

    /// <summary>Anything else (reset, protocol error...); the message says what.</summary>
    Other,
}
