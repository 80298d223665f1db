using EgressSpecs.Environments.ThirdParties;

namespace EgressSpecs.Environments.Kubernetes;

/// <summary>
/// What differs between the cluster targets: how the cluster comes to be (k3s provisions one, the cluster target
/// checks an existing one). Everything after that is the same <see cref="KubernetesTarget"/> code.
/// </summary>
internal interface IClusterProvisioner : IAsyncDisposable
{
    /// <summary>The target's name: "k3s" or "cluster".</summary>
    string Name { get; }

    /// <summary>
    /// Provisions (or checks) the cluster; throws <see cref="TargetUnavailableException"/> naming what is missing.
    /// Each step runs as a phase of <paramref name="phases"/>.
    /// </summary>
    Task<ProvisionedCluster> ProvisionAsync(Support.PhaseLog phases, CancellationToken cancellationToken);

    /// <summary>Why there are no third parties on this cluster, or null when <see cref="ProvisionedCluster.ThirdParties"/> has them.</summary>
    string? ThirdPartiesLacking { get; }

    /// <summary>What only the provisioner knows (a node's own log), for failure reports; empty when nothing.</summary>
    Task<string> DiagnosticsAsync(CancellationToken cancellationToken);
}

/// <summary>A cluster ready for the run's app namespace.</summary>
/// <param name="Client">The API client (owned by the provisioner).</param>
/// <param name="Description">One line: which cluster, e.g. "k3s v1.34.2 node abc123" or "context 'prod' (https://...)".</param>
/// <param name="ThirdParties">The third-party program's parties, when the provisioner runs them.</param>
/// <param name="DiagnosticNamespaces">Namespaces whose pods and events explain a failure, beyond the run's own.</param>
/// <param name="HelmJobNamespace">Where helm-controller ran the provisioner's Helm install jobs, whose logs explain a failed install; null when none.</param>
internal sealed record ProvisionedCluster(
    k8s.Kubernetes Client, string Description, ThirdPartyObservations? ThirdParties, IReadOnlyList<string> DiagnosticNamespaces, string? HelmJobNamespace = null);
