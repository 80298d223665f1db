using System.Text.Json.Serialization;
using k8s;
using k8s.Models;

namespace EgressSpecs.Environments.Kubernetes;

/// <summary>
/// k3s's <c>helm.cattle.io/v1</c> HelmChart (k3s-io/helm-controller pkg/apis/helm.cattle.io/v1/types.go): the
/// controller installs the chart with a Job <c>helm-install-NAME</c> in the HelmChart's namespace.
/// </summary>
internal sealed class HelmChart : IKubernetesObject<V1ObjectMeta>
{
    public const string Group = "helm.cattle.io";
    public const string Version = "v1";
    public const string Plural = "helmcharts";

    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = $"{Group}/{Version}";

    [JsonPropertyName("kind")]
    public string Kind { get; set; } = "HelmChart";

    [JsonPropertyName("metadata")]
    public V1ObjectMeta Metadata { get; set; } = new();

    [JsonPropertyName("spec")]
    public HelmChartSpec Spec { get; set; } = new();

    /// <summary>The Job the controller runs for this chart.</summary>
    [JsonIgnore]
    public string InstallJobName => $"helm-install-{Metadata.Name}";
}

/// <summary>The fields of a HelmChart's spec the harness sets.</summary>
internal sealed class HelmChartSpec
{
    [JsonPropertyName("repo")]
    public string Repo { get; set; } = string.Empty;

    [JsonPropertyName("chart")]
    public string Chart { get; set; } = string.Empty;

    [JsonPropertyName("version")]
    public string Version { get; set; } = string.Empty;

    [JsonPropertyName("targetNamespace")]
    public string TargetNamespace { get; set; } = string.Empty;

    [JsonPropertyName("createNamespace")]
    public bool CreateNamespace { get; set; }

    /// <summary>helm-controller's default is 1000 retries: a broken install would never fail visibly.</summary>
    [JsonPropertyName("backOffLimit")]
    public int BackOffLimit { get; set; } = 3;

    [JsonPropertyName("valuesContent")]
    public string ValuesContent { get; set; } = string.Empty;
}
