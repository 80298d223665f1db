using EgressSpecs.Environments.Kubernetes;
using k8s.Models;
using YamlDotNet.Serialization;

namespace EgressSpecs.Environments.K3s;

/// <summary>
/// Linkerd edge through k3s's HelmChart resource, no CLI: <c>linkerd-crds</c> (with the Gateway API CRDs it vendors,
/// a prerequisite of recent editions) and then <c>linkerd-control-plane</c> with the harness's trust anchor and
/// issuer (linkerd.io 2-edge tasks/install-helm: <c>identityTrustAnchorsPEM</c>, <c>identity.issuer.tls.crtPEM</c>,
/// <c>identity.issuer.tls.keyPEM</c>).
/// </summary>
internal static class LinkerdHelmCharts
{
    public const string Repository = "https://helm.linkerd.io/edge";

    /// <summary>Chart version of edge-26.8.4 (edge tag edge-YY.M.P is chart version 20YY.M.P).</summary>
    public const string ChartVersion = "2026.8.4";

    /// <summary>HelmCharts live in kube-system: helm-controller may watch only its system namespace.</summary>
    public const string ChartNamespace = "kube-system";

    public static HelmChart Crds() => Chart("linkerd-crds", createNamespace: true, new Dictionary<string, object>
    {
        // linkerd-crds defaults to false; its templates then leave out HTTPRoute and GRPCRoute, which Linkerd's policy controller needs.
        ["installGatewayAPI"] = true,
    });

    public static HelmChart ControlPlane(LinkerdCertificates certificates) => Chart("linkerd-control-plane", createNamespace: false, new Dictionary<string, object>
    {
        ["identityTrustAnchorsPEM"] = certificates.TrustAnchorPem,
        ["identity"] = new Dictionary<string, object>
        {
            ["issuer"] = new Dictionary<string, object>
            {
                ["tls"] = new Dictionary<string, object>
                {
                    ["crtPEM"] = certificates.IssuerCertificatePem,
                    ["keyPEM"] = certificates.IssuerKeyPem,
                },
            },
        },
    });

    /// <summary>Helm values as YAML, written by a YAML serializer: hand-indented PEM blocks are the classic failure.</summary>
    public static string Values(IReadOnlyDictionary<string, object> values) => new SerializerBuilder().Build().Serialize(values);

    private static HelmChart Chart(string name, bool createNamespace, IReadOnlyDictionary<string, object> values) => new()
    {
        Metadata = new V1ObjectMeta
        {
            Name = name,
            NamespaceProperty = ChartNamespace,
            Labels = new Dictionary<string, string> { [RunNamespace.ManagedByLabel] = RunNamespace.ManagedByValue },
        },
        Spec = new HelmChartSpec
        {
            Repo = Repository,
            Chart = name,
            Version = ChartVersion,
            TargetNamespace = EgressInstallNames.LinkerdNamespace,
            CreateNamespace = createNamespace,
            ValuesContent = Values(values),
        },
    };
}
