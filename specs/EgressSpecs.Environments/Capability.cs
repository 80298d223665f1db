namespace EgressSpecs.Environments;

/// <summary>
/// What a scenario may need beyond what every target has (a meshed app, an app outside the cluster, the cluster
/// DNS). A scenario declares each need with its tag (<see cref="CapabilityTags"/>); the run decides once, before the
/// first step, to run it or to skip it with the target's reason (<see cref="IEgressTarget.Lacks"/>).
/// </summary>
public enum Capability
{
    /// <summary><see cref="IEgressTarget.ThirdParties"/>: the suite's own third parties, and what they observed.</summary>
    ThirdParties,

    /// <summary><see cref="IEgressTarget.ProxyAdmin"/>: the proxy's metrics and readiness.</summary>
    ProxyAdmin,

    /// <summary>Linkerd: mTLS between the meshed app and the egress proxy, and Linkerd's own metrics (<see cref="IEgressTarget.LinkerdMetricsTextAsync"/>).</summary>
    Mesh,

    /// <summary><see cref="IEgressTarget.UnmeshedApp"/>: a pod in the cluster without the mesh.</summary>
    UnmeshedPod,

    /// <summary>Kubernetes NetworkPolicy enforcement (a cluster whose CNI enforces it).</summary>
    NetworkPolicy,

    /// <summary><see cref="IEgressTarget.MeshedAppWhenProxyIsDown"/>: the proxy Service without a live endpoint.</summary>
    ProxyDown,

    /// <summary><see cref="IEgressTarget.ConnectToProxyAsync"/>: a raw TCP stream to the proxy Service, for bytes no HTTP client would send.</summary>
    RawProxyConnection,

    /// <summary><see cref="IEgressTarget.StartOwnProxyAsync"/>: a proxy instance of the scenario's own, which it may stop.</summary>
    OwnProxy,

    /// <summary>The cluster DNS answers the suite's test names for special-purpose address blocks (the local target's own DNS server).</summary>
    SpecialPurposeNames,
}
