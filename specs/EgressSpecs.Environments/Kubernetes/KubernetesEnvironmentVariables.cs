namespace EgressSpecs.Environments.Kubernetes;

/// <summary>The environment variables of the <c>k3s</c> and <c>cluster</c> targets (docs/clusters.md explains each).</summary>
public static class KubernetesEnvironmentVariables
{
    /// <summary>The kubeconfig files of the <c>cluster</c> target, as kubectl reads them (default <c>~/.kube/config</c>).</summary>
    public const string Kubeconfig = "KUBECONFIG";

    /// <summary>The kubeconfig context of the <c>cluster</c> target (default: the current context).</summary>
    public const string KubeContext = "EGRESS_SPECS_KUBE_CONTEXT";

    /// <summary><c>1</c> keeps the k3s cluster after the run (its container id and kubeconfig are printed) for debugging.</summary>
    public const string KeepCluster = "EGRESS_SPECS_KEEP_CLUSTER";

    /// <summary>Minutes to wait for the k3s cluster, Linkerd and the proxy to come up (default 15).</summary>
    public const string StartTimeout = "EGRESS_SPECS_K3S_START_TIMEOUT";

    /// <summary>The version of Linkerd's edge Helm charts the <c>k3s</c> target installs (<c>YYYY.M.N</c>; default the pinned one).</summary>
    public const string LinkerdChartVersion = "EGRESS_SPECS_LINKERD_CHART_VERSION";
}
