namespace EgressSpecs.Environments;

/// <summary>What a scenario may need from a target; <see cref="IEgressTarget.Lacks"/> says whether it is there.</summary>
public enum Capability
{
    /// <summary><see cref="IEgressTarget.MeshedApp"/>.</summary>
    MeshedApp,

    /// <summary><see cref="IEgressTarget.OutsideApp"/>.</summary>
    OutsideApp,

    /// <summary><see cref="IEgressTarget.UnmeshedApp"/>: a pod in the cluster without the mesh.</summary>
    UnmeshedApp,

    /// <summary><see cref="IEgressTarget.MeshedAppWhenProxyIsDown"/>.</summary>
    ProxyDown,

    /// <summary><see cref="IEgressTarget.ClusterDns"/>.</summary>
    ClusterDns,

    /// <summary><see cref="IEgressTarget.ThirdParties"/>.</summary>
    ThirdParties,

    /// <summary><see cref="IEgressTarget.ProxyAdmin"/>: the proxy's metrics and readiness.</summary>
    ProxyAdmin,

    /// <summary>Linkerd's own proxy metrics on the meshed app (a meshed cluster).</summary>
    LinkerdMetrics,

    /// <summary>Linkerd's mTLS between the meshed app and the egress proxy (a meshed cluster).</summary>
    MeshMutualTls,

    /// <summary>Kubernetes NetworkPolicy enforcement (a cluster with a policy-capable CNI).</summary>
    NetworkPolicy,

    /// <summary><see cref="IEgressTarget.ConnectToProxyAsync"/>: a raw TCP stream to the proxy Service, for bytes no HTTP client would send.</summary>
    RawProxyConnection,

    /// <summary><see cref="IEgressTarget.StartOwnProxyAsync"/>: a proxy instance of the scenario's own, which it may stop.</summary>
    OwnProxy,
}
