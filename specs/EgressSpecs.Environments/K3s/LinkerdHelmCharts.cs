using System.Text.RegularExpressions;
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
internal static partial class LinkerdHelmCharts
{
    public const string Repository = "https://helm.linkerd.io/edge";

    /// <summary>
    /// The charts of Linkerd edge-26.8.3, the newest edge tag whose existence we could show. Evidence (details in
    /// docs/clusters.md, "Pinned versions and their evidence"): linkerd/linkerd2 has the tag <c>edge-26.8.3</c>
    /// (commit 19a0d90d, 2026-08-21), and pushing an <c>edge-*</c> tag runs <c>.github/workflows/release.yml</c>,
    /// whose <c>chart_deploy</c> job runs <c>.github/actions/helm-publish</c>: <c>bin/compute-edge-version
    /// update-charts</c> checks the tag is <c>edge-YY.M.N</c> and sets every chart's version to <c>20YY.M.N</c>
    /// (Chart.yaml in git says <c>0.0.0-undefined</c>) before the charts are uploaded to helm.linkerd.io/edge.
    /// The previous pin, 2026.8.4, had no tag behind it. <see cref="KubernetesEnvironmentVariables.LinkerdChartVersion"/> overrides it.
    /// </summary>
    public const string ChartVersion = "2026.8.3";

    /// <summary>HelmCharts live in kube-system: helm-controller may watch only its system namespace.</summary>
    public const string ChartNamespace = "kube-system";

    public static HelmChart Crds(string chartVersion) => Chart("linkerd-crds", chartVersion, createNamespace: true, new Dictionary<string, object>
    {
        // linkerd-crds defaults to false; its templates then leave out HTTPRoute and GRPCRoute, which Linkerd's policy controller needs.
        ["installGatewayAPI"] = true,
    });

    public static HelmChart ControlPlane(LinkerdCertificates certificates, string chartVersion) => Chart("linkerd-control-plane", chartVersion, createNamespace: false, new Dictionary<string, object>
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

    /// <summary>
    /// Null when <paramref name="version"/> has the shape of an edge chart version (<c>YYYY.M.N</c>, as
    /// <c>bin/compute-edge-version</c> writes it), else why not; an edge tag gets its chart version named.
    /// </summary>
    public static string? VersionProblem(string version)
    {
        if (EdgeChartVersion().IsMatch(version))
        {
            return null;
        }

        var tag = EdgeTag().Match(version);
        return tag.Success
            ? $"'{version}' is an edge tag, not a chart version; its charts are version 20{tag.Groups[1].Value}.{tag.Groups[2].Value}.{tag.Groups[3].Value}"
            : $"'{version}' is not a Linkerd edge chart version (YYYY.M.N, e.g. {ChartVersion}; edge-YY.M.N is chart 20YY.M.N)";
    }

    [GeneratedRegex(@"^20[0-9]{2}\.(?:[1-9]|1[0-2])\.[1-9][0-9]*\z", RegexOptions.CultureInvariant)]
    private static partial Regex EdgeChartVersion();

    [GeneratedRegex(@"^edge-([0-9]{2})\.([1-9]|1[0-2])\.([1-9][0-9]*)\z", RegexOptions.CultureInvariant)]
    private static partial Regex EdgeTag();

    private static HelmChart Chart(string name, string chartVersion, bool createNamespace, IReadOnlyDictionary<string, object> values) => new()
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
            Version = chartVersion,
            TargetNamespace = EgressInstallNames.LinkerdNamespace,
            CreateNamespace = createNamespace,
            ValuesContent = Values(values),
        },
    };
}
