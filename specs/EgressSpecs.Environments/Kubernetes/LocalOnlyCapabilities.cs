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

    public const string SpecialPurposeNames =
        "a cluster's CoreDNS serves no records for the suite's special-purpose test names (they would need a hosts block the "
        + "cluster's own Corefile already uses); the local target's DNS server answers them";

    /// <summary>The reason a cluster target lacks <paramref name="capability"/> for this reason alone, or null.</summary>
    public static string? Reason(Capability capability) => capability switch
    {
        Capability.SpecialPurposeNames => SpecialPurposeNames,
        Capability.RawProxyConnection => RawProxyConnection,
        Capability.OwnProxy => OwnProxy,
        _ => null,
    };
}
