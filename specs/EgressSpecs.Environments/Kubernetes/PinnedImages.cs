namespace EgressSpecs.Environments.Kubernetes;

/// <summary>Every image the cluster targets pull, pinned (docs/clusters.md, "Pinned versions and their evidence"); the third parties pull none.</summary>
internal static class PinnedImages
{
    /// <summary>Kubernetes 1.34.2, CoreDNS 1.13.1 (<c>answer auto</c>), <c>coredns-custom</c> <c>*.override</c>, image import while running.</summary>
    public const string K3s = "rancher/k3s:v1.34.2-k3s1";

    /// <summary>The app containers: Debian 13 (glibc 2.41, which drops answers whose owner is not the question) with curl and getent.</summary>
    public const string App = "buildpack-deps:trixie-curl";

    /// <summary><c>dig</c>, for raw queries that show each answer's owner name as the server wrote it.</summary>
    public const string Dig = "nicolaka/netshoot:v0.13";
}
