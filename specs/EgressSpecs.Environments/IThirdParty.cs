
namespace EgressSpecs.Environments;

/// <summary>
/// A destination outside the cluster that the proxy may reach, and what it observed. Every target runs the same
/// third-party program (specs/EgressSpecs.ThirdParties) and reads it through the same client.
/// </summary>
public interface IThirdParty
{
    /// <summary>The role this third party plays.</summary>
    ThirdPartyRole Role { get; }

    /// <summary>Its DNS name, e.g. <c>api.example.test</c>; a meshed app calls <c>http://{Host}.egress.local/...</c>.</summary>
    string Host { get; }

    /// <summary>The HTTP requests it received, oldest first; only those whose path starts with <paramref name="pathPrefix"/> when given.</summary>
    Task<IReadOnlyList<ObservedRequest>> RequestsAsync(string? pathPrefix, CancellationToken cancellationToken);

    /// <summary>The TCP connections it accepted and what their TLS handshakes showed, oldest first.</summary>
    Task<IReadOnlyList<ObservedConnection>> ConnectionsAsync(CancellationToken cancellationToken);
}
