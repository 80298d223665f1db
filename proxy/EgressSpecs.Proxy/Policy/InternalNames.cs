namespace EgressSpecs.Proxy.Policy;

/// <summary>
/// Names that point inside the cluster or the host and are never forwarded, whatever the allowlist says.
/// </summary>
internal sealed class InternalNames
{
    /// <summary>
    /// Built in: localhost, cluster DNS (svc, cluster.local), cloud metadata names (*.internal, e.g.
    /// metadata.google.internal), mDNS (*.local), home networks (home.arpa) and reverse zones (*.arpa).
    /// Single-label names are refused too: resolv.conf search domains would expand them to cluster services.
    /// </summary>
    public static readonly IReadOnlyList<string> BuiltIn =
        ["localhost", "*.localhost", "*.svc", "*.cluster.local", "*.internal", "*.local", "home.arpa", "*.home.arpa", "*.arpa"];

    private readonly HostPattern[] _patterns;

    public InternalNames(IEnumerable<string> extra)
    {
        var patterns = new List<HostPattern>();
        foreach (var text in BuiltIn.Concat(extra))
        {
            if (!HostPattern.TryParse(text, out var pattern) || pattern.Kind == HostPatternKind.Any)
            {
                throw new ArgumentException($"'{text}' is not an internal name pattern.", nameof(extra));
            }

            patterns.Add(pattern);
        }

        _patterns = [.. patterns];
    }

    public bool Contains(ReadOnlySpan<char> name)
    {
        if (!name.Contains('.'))
        {
            return true;
        }

        foreach (var pattern in _patterns)
        {
            if (pattern.Matches(name))
            {
                return true;
            }
        }

        return false;
    }
}
