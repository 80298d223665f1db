namespace EgressSpecs.Environments.Kubernetes;

/// <summary>Why the cluster targets leave some capabilities to the local target.</summary>
internal static class LocalOnlyCapabilities
{
    public const string RawProxyConnection =
        "in a cluster, bytes reach the egress proxy only through the meshed pod's Linkerd sidecar, which rejects or normalises "
        + "malformed HTTP before the proxy sees it; the local target checks the proxy's own handling of hostile input";

    public const string OwnProxy =
        "the cluster targets do not start or stop egress proxies of a scenario's own; the shutdown sequence is checked on the local "
        + "target, and the install gives Kubernetes the matching terminationGracePeriodSeconds";

    /// <summary>The reason a cluster target lacks <paramref name="capability"/> for this reason alone, or null.</summary>
    public static string? Reason(Capability capability) => capability switch
    {
        Capability.RawProxyConnection => RawProxyConnection,
        Capability.OwnProxy => OwnProxy,
        _ => null,
    };
}
