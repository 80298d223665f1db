using System.Globalization;
using EgressSpecs.Environments.Kubernetes;

namespace EgressSpecs.Environments.K3s;

/// <summary>The k3s target's settings, read from the environment before anything starts.</summary>
internal sealed record K3sSettings
{
    public static readonly TimeSpan DefaultStartTimeout = TimeSpan.FromMinutes(15);

    /// <summary>Keep the cluster (and the third parties' containers) after the run, for debugging.</summary>
    public bool KeepCluster { get; init; }

    /// <summary>How long the whole start may take: the k3s node, Linkerd's Helm jobs, the proxy rollout.</summary>
    public TimeSpan StartTimeout { get; init; } = DefaultStartTimeout;

    /// <summary>The version of <c>linkerd-crds</c> and <c>linkerd-control-plane</c> from the edge Helm repository.</summary>
    public string LinkerdChartVersion { get; init; } = LinkerdHelmCharts.ChartVersion;

    public static K3sSettings Read(Func<string, string?> variable)
    {
        var keep = variable(KubernetesEnvironmentVariables.KeepCluster)?.Trim();
        var keepCluster = keep switch
        {
            null or "" or "0" => false,
            "1" => true,
            _ when bool.TryParse(keep, out var flag) => flag,
            _ => throw new InvalidOperationException($"{KubernetesEnvironmentVariables.KeepCluster}='{keep}' is not 1, 0, true or false."),
        };

        var timeout = DefaultStartTimeout;
        if (variable(KubernetesEnvironmentVariables.StartTimeout)?.Trim() is { Length: > 0 } minutes)
        {
            timeout = int.TryParse(minutes, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value is >= 1 and <= 180
                ? TimeSpan.FromMinutes(value)
                : throw new InvalidOperationException($"{KubernetesEnvironmentVariables.StartTimeout}='{minutes}' is not a whole number of minutes from 1 to 180.");
        }

        var chartVersion = LinkerdHelmCharts.ChartVersion;
        if (variable(KubernetesEnvironmentVariables.LinkerdChartVersion)?.Trim() is { Length: > 0 } version)
        {
            chartVersion = LinkerdHelmCharts.VersionProblem(version) is { } problem
                ? throw new InvalidOperationException($"{KubernetesEnvironmentVariables.LinkerdChartVersion}='{version}': {problem}.")
                : version;
        }

        return new K3sSettings { KeepCluster = keepCluster, StartTimeout = timeout, LinkerdChartVersion = chartVersion };
    }
}
