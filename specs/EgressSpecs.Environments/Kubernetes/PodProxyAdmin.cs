using System.Globalization;
using EgressSpecs.Environments.Support;
using k8s;

namespace EgressSpecs.Environments.Kubernetes;

/// <summary>
/// The egress proxy's admin endpoint in a cluster, read from inside the meshed app pod (the proxy's pods serve only
/// meshed clients). Every replica is asked: <c>/metrics</c> is their sum, <c>/readyz</c> the first non-200 answer.
/// </summary>
internal sealed class PodProxyAdmin(IKubernetes client, PodContainer meshedApp, IPodExec exec) : IProxyAdmin
{
    public Uri BaseAddress { get; } = new($"http://{EgressInstallNames.ServiceHost}:{EgressInstallNames.AdminPort}/");

    public async Task<string> MetricsTextAsync(CancellationToken cancellationToken)
    {
        var texts = new List<string>();
        foreach (var address in await ReplicaAddressesAsync(cancellationToken))
        {
            var result = await CurlAsync(["curl", "--silent", "--show-error", "--fail", "--max-time", "10", $"http://{address}:{EgressInstallNames.AdminPort}/metrics"], cancellationToken);
            if (result.ExitCode != 0)
            {
                throw new InvalidOperationException($"Reading the proxy replica {address}'s /metrics from {meshedApp} failed (curl exit {result.ExitCode}): {result.Stderr.Trim()}");
            }

            texts.Add(result.StdoutText);
        }

        return PrometheusText.Merge(texts);
    }

    public Task<int> LivenessStatusAsync(CancellationToken cancellationToken) => WorstStatusAsync("healthz", cancellationToken);

    public Task<int> ReadinessStatusAsync(CancellationToken cancellationToken) => WorstStatusAsync("readyz", cancellationToken);

    /// <summary>200 when every replica answers 200, else the first other answer (0 when one did not answer at all).</summary>
    private async Task<int> WorstStatusAsync(string path, CancellationToken cancellationToken)
    {
        var statuses = new List<int>();
        foreach (var address in await ReplicaAddressesAsync(cancellationToken))
        {
            var result = await CurlAsync(
                ["curl", "--silent", "--output", "/dev/null", "--write-out", "%{http_code}", "--max-time", "10", $"http://{address}:{EgressInstallNames.AdminPort}/{path}"],
                cancellationToken);
            statuses.Add(int.TryParse(result.StdoutText.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var status) ? status : 0);
        }

        return statuses.FirstOrDefault(status => status != 200, 200);
    }

    private async Task<IReadOnlyList<string>> ReplicaAddressesAsync(CancellationToken cancellationToken)
    {
        var pods = await client.CoreV1.ListNamespacedPodAsync(EgressInstallNames.Namespace, labelSelector: EgressInstallNames.PodSelector, cancellationToken: cancellationToken);
        var addresses = pods.Items.Where(pod => pod.Status?.Phase == "Running" && pod.Status.PodIP is not null).Select(pod => pod.Status.PodIP).ToList();
        return addresses.Count > 0
            ? addresses
            : throw new InvalidOperationException($"No running egress proxy pod in namespace {EgressInstallNames.Namespace} ({EgressInstallNames.PodSelector}).");
    }

    private Task<CommandResult> CurlAsync(IReadOnlyList<string> command, CancellationToken cancellationToken) =>
        exec.ExecAsync(meshedApp, command, null, cancellationToken);
}
