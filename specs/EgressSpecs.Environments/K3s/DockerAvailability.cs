using DotNet.Testcontainers.Configurations;

namespace EgressSpecs.Environments.K3s;

/// <summary>
/// Whether a Docker engine answers, asked the way Testcontainers asks before it builds anything: its settings walk
/// the endpoint providers (DOCKER_HOST, ~/.testcontainers.properties, the Unix socket, rootless and Desktop sockets),
/// ping each, and keep the first that answers as <c>TestcontainersSettings.OS.DockerEndpointAuthConfig</c>.
/// </summary>
internal static class DockerAvailability
{
    public const string MissingReason =
        "the k3s target needs a Docker engine that can run privileged containers, and Testcontainers found none answering "
        + "(no reachable DOCKER_HOST, /var/run/docker.sock or rootless socket): install or start Docker, or run EGRESS_SPECS_TARGET=local";

    /// <summary>Null when Docker answers, else <see cref="MissingReason"/>.</summary>
    public static string? Missing() => Missing(HasEndpoint);

    /// <summary>Null when <paramref name="hasEndpoint"/> says Docker answers, else <see cref="MissingReason"/> (with the cause when the probe threw).</summary>
    public static string? Missing(Func<bool> hasEndpoint)
    {
        try
        {
            return hasEndpoint() ? null : MissingReason;
        }
        catch (Exception exception) when (exception is TypeInitializationException or InvalidOperationException or IOException)
        {
            return $"{MissingReason} ({exception.GetBaseException().Message})";
        }
    }

    private static bool HasEndpoint() => TestcontainersSettings.OS.DockerEndpointAuthConfig is not null;
}
