namespace EgressSpecs.Environments;

/// <summary>
/// The environment a scenario runs against: one per test run, chosen by <c>EGRESS_SPECS_TARGET</c>.
/// Every target has a meshed app, an app outside the cluster and the cluster DNS; what else a scenario uses it declares
/// by tags (<see cref="CapabilityTags"/>), decided once before its first step. A scenario never knows which target runs it.
/// </summary>
public interface IEgressTarget : IAsyncDisposable
{
    /// <summary>"local", "k3s" or "cluster".</summary>
    string Name { get; }

    /// <summary>
    /// Starts everything the target needs; call once before any other member but <see cref="Lacks"/>. Throws
    /// <see cref="TargetUnavailableException"/> when the target cannot run here, naming what is missing.
    /// </summary>
    Task StartAsync(CancellationToken cancellationToken);

    /// <summary>Null when the target supports the capability, else a human reason naming what is missing.</summary>
    string? Lacks(Capability capability);

    /// <summary>An app in the mesh: resolves through the cluster DNS and reaches Services as a pod does.</summary>
    IApp MeshedApp { get; }

    /// <summary>An app outside the cluster (a laptop, a CI runner): the machine's own resolver.</summary>
    IApp OutsideApp { get; }

    /// <summary>A pod in the cluster without the mesh's sidecar (<see cref="Capability.UnmeshedPod"/>).</summary>
    IApp UnmeshedApp { get; }

    /// <summary>The meshed app while the proxy Service has no live endpoint: the name resolves, the connection is refused.</summary>
    IApp MeshedAppWhenProxyIsDown { get; }

    /// <summary>The cluster DNS, queried as a pod would query it.</summary>
    IClusterDns ClusterDns { get; }

    /// <summary>The third parties the proxy forwards to, by role.</summary>
    IReadOnlyDictionary<ThirdPartyRole, IThirdParty> ThirdParties { get; }

    /// <summary>The proxy's admin endpoint (<see cref="Capability.ProxyAdmin"/>).</summary>
    IProxyAdmin ProxyAdmin { get; }

    /// <summary>The Prometheus text of the meshed app's own Linkerd proxy (<see cref="Capability.Mesh"/>).</summary>
    Task<string> LinkerdMetricsTextAsync(CancellationToken cancellationToken);

    /// <summary>
    /// A raw TCP stream to the proxy Service as the meshed app reaches it (<see cref="Capability.RawProxyConnection"/>):
    /// for requests no HTTP client would send. The caller disposes it.
    /// </summary>
    Task<Stream> ConnectToProxyAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Starts a proxy instance for one scenario (<see cref="Capability.OwnProxy"/>): the shared proxy's configuration
    /// with its own endpoints and the given shutdown settings, so the scenario may stop it. The caller disposes it.
    /// </summary>
    Task<IOwnProxy> StartOwnProxyAsync(TimeSpan readinessDelay, TimeSpan drainTimeout, CancellationToken cancellationToken);

    /// <summary>
    /// What the started target chose that a run's report should name, as (label, value) lines, e.g.
    /// ("Meshed app", "curl 7.88.1 + glibc 2.36 in a private mount namespace, ..."); empty before start.
    /// </summary>
    IReadOnlyList<KeyValuePair<string, string>> RunFacts { get; }

    /// <summary>What runs where and what it logged, for the report of a failing scenario.</summary>
    Task<string> DiagnosticsAsync(CancellationToken cancellationToken);
}
