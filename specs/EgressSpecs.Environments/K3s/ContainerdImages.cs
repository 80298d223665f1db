namespace EgressSpecs.Environments.K3s;

/// <summary>Reads <c>k3s ctr -n k8s.io images ls -q</c>: one image name per line.</summary>
internal static class ContainerdImages
{
    /// <summary>
    /// True when the listing has, as a whole line, the name kubelet will ask for (<see cref="DockerReference.Normalize"/>).
    /// A substring match would accept <c>egress-specs/proxy:abc</c> (an OCI import kubelet cannot find) or
    /// <c>docker.io/egress-specs/proxy:abc-old</c> (another image).
    /// </summary>
    public static bool ListsKubeletReference(string listing, string image)
    {
        var wanted = DockerReference.Normalize(image);
        return listing.Split('\n').Any(line => string.Equals(line.Trim(), wanted, StringComparison.Ordinal));
    }
}
