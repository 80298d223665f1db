using System.Net;

namespace EgressSpecs.Dns.Resolver;

/// <summary>What getaddrinfo would hand an application: addresses, or "host not found" with the reason.</summary>
public sealed class HostLookupResult
{
    private HostLookupResult(string hostName, IReadOnlyList<IPAddress> addresses, string? failureReason)
    {
        HostName = hostName;
        Addresses = addresses;
        FailureReason = failureReason;
    }

    /// <summary>The name that was looked up.</summary>
    public string HostName { get; }

    /// <summary>The usable addresses; empty when the host was not found.</summary>
    public IReadOnlyList<IPAddress> Addresses { get; }

    /// <summary>True when at least one usable address came back.</summary>
    public bool Found => Addresses.Count > 0;

    /// <summary>Why no address is usable (null when found), e.g. that the answer's owner did not match the question.</summary>
    public string? FailureReason { get; }

    internal static HostLookupResult Success(string hostName, IReadOnlyList<IPAddress> addresses) => new(hostName, addresses, null);

    internal static HostLookupResult NotFound(string hostName, string reason) => new(hostName, [], reason);

    /// <inheritdoc />
    public override string ToString() => Found
        ? $"{HostName} -> {string.Join(", ", Addresses)}"
        : $"{HostName}: host not found ({FailureReason})";
}
