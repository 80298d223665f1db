namespace EgressSpecs.Environments.Kubernetes;

/// <summary>The names <c>infra/</c> gives the egress install; the cluster targets look for exactly these.</summary>
internal static class EgressInstallNames
{
    public const string Namespace = "egress";
    public const string Deployment = "egress-proxy";
    public const string PodSelector = "app.kubernetes.io/name=egress-proxy";
    public const string ConfigMap = "egress-proxy-config";
    public const string ConfigKey = "egress.json";
    public const string ServiceName = "proxy";
    public const string ServiceHost = "proxy.egress.svc.cluster.local";
    public const int AdminPort = 9090;
    public const string DnsConfigMap = "coredns-custom";
    public const string CoreDnsConfigMap = "coredns";
    public const string KubeSystem = "kube-system";
    public const string LinkerdNamespace = "linkerd";

    /// <summary>The Linkerd control plane Deployments that must be available before any pod is meshed.</summary>
    public static readonly IReadOnlyList<string> LinkerdDeployments = ["linkerd-identity", "linkerd-destination", "linkerd-proxy-injector"];
}
