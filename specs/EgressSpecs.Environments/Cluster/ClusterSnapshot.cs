using k8s.Models;

namespace EgressSpecs.Environments.Cluster;

/// <summary>What the <c>cluster</c> target read before it does anything: each object, or null when it does not exist.</summary>
internal sealed record ClusterSnapshot
{
    public V1Namespace? LinkerdNamespace { get; init; }

    /// <summary>Linkerd's control plane Deployments by name (null: missing).</summary>
    public IReadOnlyDictionary<string, V1Deployment?> LinkerdDeployments { get; init; } = new Dictionary<string, V1Deployment?>();

    public V1ConfigMap? CorednsCustom { get; init; }

    public V1ConfigMap? Coredns { get; init; }

    public V1Deployment? Proxy { get; init; }

    /// <summary>Objects the kubeconfig's user may not read ("kind namespace/name").</summary>
    public IReadOnlyList<string> Forbidden { get; init; } = [];
}
