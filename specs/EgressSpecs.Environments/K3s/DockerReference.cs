using System.Text.RegularExpressions;

namespace EgressSpecs.Environments.K3s;

/// <summary>
/// Image references as containerd's CRI plugin resolves them for kubelet: a pod's <c>image: egress-specs/proxy:abc</c>
/// is looked up as <c>docker.io/egress-specs/proxy:abc</c>, so an image imported under any other name is not found.
/// </summary>
/// <remarks>
/// Follows <c>ParseDockerRef</c> of github.com/distribution/reference v0.6.0 (normalize.go: <c>splitDockerDomain</c>,
/// <c>ParseNormalizedNamed</c>; regexp.go for the grammar), as vendored by containerd v2.1.5, the containerd of
/// k3s v1.34.2+k3s1. containerd calls it in <c>internal/cri/server/images/service.go</c> (<c>LocalResolve</c>) for
/// kubelet's lookups and in <c>core/images/archive/reference.go</c> (<c>normalizeReference</c>) when it imports a
/// Docker-format archive's RepoTags.
/// </remarks>
internal static partial class DockerReference
{
    private const string DefaultDomain = "docker.io";
    private const string LegacyDefaultDomain = "index.docker.io";
    private const string OfficialRepositoryPrefix = "library/";
    private const int NameTotalLengthMax = 255;

    /// <summary>
    /// The fully qualified reference: Docker Hub's domain and <c>library/</c> added where they are implied,
    /// <c>:latest</c> added when there is neither tag nor digest, the tag dropped when there is a digest.
    /// </summary>
    /// <exception cref="FormatException">Not a valid reference (containerd would refuse it too).</exception>
    public static string Normalize(string reference)
    {
        if (AnchoredIdentifier().IsMatch(reference))
        {
            throw new FormatException($"'{reference}' is an image id (64 hexadecimal digits), not a repository name.");
        }

        var (domain, remainder) = SplitDomain(reference);
        var tagSeparator = remainder.IndexOf(':', StringComparison.Ordinal);
        var remote = tagSeparator >= 0 ? remainder[..tagSeparator] : remainder;
        if (!string.Equals(remote.ToLowerInvariant(), remote, StringComparison.Ordinal))
        {
            throw new FormatException($"'{reference}': the repository name ({remote}) must be lowercase.");
        }

        var match = Reference().Match($"{domain}/{remainder}");
        if (!match.Success)
        {
            throw new FormatException($"'{reference}' is not a valid image reference.");
        }

        var name = match.Groups["name"].Value;
        if (name.Length > NameTotalLengthMax)
        {
            throw new FormatException($"'{reference}': the repository name is longer than {NameTotalLengthMax} characters.");
        }

        var tag = match.Groups["tag"];
        var digest = match.Groups["digest"];
        return digest.Success ? $"{name}@{digest.Value}" : $"{name}:{(tag.Success ? tag.Value : "latest")}";
    }

    private static (string Domain, string Remainder) SplitDomain(string name)
    {
        var slash = name.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0)
        {
            return (DefaultDomain, OfficialRepositoryPrefix + name);
        }

        var (maybeDomain, rest) = (name[..slash], name[(slash + 1)..]);
        var (domain, remainder) = maybeDomain switch
        {
            "localhost" => (maybeDomain, rest),
            LegacyDefaultDomain => (DefaultDomain, rest),
            _ when maybeDomain.AsSpan().IndexOfAny('.', ':') >= 0 => (maybeDomain, rest),
            _ when !string.Equals(maybeDomain.ToLowerInvariant(), maybeDomain, StringComparison.Ordinal) => (maybeDomain, rest),
            _ => (DefaultDomain, name),
        };

        return domain == DefaultDomain && !remainder.Contains('/', StringComparison.Ordinal)
            ? (domain, OfficialRepositoryPrefix + remainder)
            : (domain, remainder);
    }

    // regexp.go: referencePat = anchored(capture(namePat), optional(':', capture(tag)), optional('@', capture(digestPat))).
    [GeneratedRegex(
        """
        ^(?<name>(?:(?:(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])(?:\.(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]))*|\[(?:[a-fA-F0-9:]+)\])(?::[0-9]+)?/)?[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*)*)(?::(?<tag>[0-9A-Za-z_][0-9A-Za-z_.-]{0,127}))?(?:@(?<digest>[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}))?\z
        """,
        RegexOptions.CultureInvariant)]
    private static partial Regex Reference();

    [GeneratedRegex("^[a-f0-9]{64}\\z", RegexOptions.CultureInvariant)]
    private static partial Regex AnchoredIdentifier();
}
