using EgressSpecs.Environments.Support;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace EgressSpecs.Environments.Kubernetes;

/// <summary>
/// A run's app namespace in a cluster: the app-namespace NetworkPolicy of <c>infra/</c>, a meshed and an unmeshed app
/// pod, and what the specs do through them (calls, DNS, Linkerd's metrics). Created fresh per run, deleted after.
/// </summary>
internal sealed class AppPods
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromMinutes(5);

    private AppPods(IKubernetes client, string ns, IPodExec exec)
    {
        Namespace = ns;
        var meshed = new PodContainer(ns, ClientPods.MeshedName, ClientPods.AppContainer);
        var unmeshedApp = new PodContainer(ns, ClientPods.UnmeshedName, ClientPods.AppContainer);
        var dig = new PodContainer(ns, ClientPods.UnmeshedName, ClientPods.DigContainer);
        MeshedContainer = meshed;
        Meshed = new PodApp($"meshed app (pod {ns}/{ClientPods.MeshedName})", meshed, exec);
        Unmeshed = new PodApp($"unmeshed pod ({ns}/{ClientPods.UnmeshedName})", unmeshedApp, exec);
        Dns = new PodClusterDns(meshed, dig, exec);
        ProxyAdmin = new PodProxyAdmin(client, meshed, exec);
        Exec = exec;
    }

    public string Namespace { get; }

    public PodContainer MeshedContainer { get; }

    public IApp Meshed { get; }

    public IApp Unmeshed { get; }

    public IClusterDns Dns { get; }

    public IProxyAdmin ProxyAdmin { get; }

    private IPodExec Exec { get; }

    /// <summary>Creates the namespace, its NetworkPolicy and both pods, and waits until they run (the meshed one with its sidecar).</summary>
    public static async Task<AppPods> DeployAsync(
        k8s.Kubernetes client, RepositoryLayout repository, string runId, CancellationToken cancellationToken)
    {
        var manifest = RunNamespace.Manifest("apps", runId);
        var ns = manifest.Metadata.Name;
        await client.CoreV1.CreateNamespaceAsync(manifest, cancellationToken: cancellationToken);

        var policy = KubernetesYaml.Deserialize<V1NetworkPolicy>(await File.ReadAllTextAsync(repository.AppNamespacePolicy, cancellationToken));
        policy.Metadata.NamespaceProperty = ns;
        await ManifestApply.ApplyAsync(client, policy, cancellationToken);

        foreach (var pod in new[] { ClientPods.Meshed(ns), ClientPods.Unmeshed(ns) })
        {
            await client.CoreV1.CreateNamespacedPodAsync(pod, ns, cancellationToken: cancellationToken);
        }

        foreach (var name in new[] { ClientPods.MeshedName, ClientPods.UnmeshedName })
        {
            var pod = await Poll.UntilAsync<V1Pod>($"pod {ns}/{name} to be ready", ReadyTimeout, async token =>
            {
                var current = await client.CoreV1.ReadNamespacedPodAsync(name, ns, cancellationToken: token);
                var notReady = WorkloadState.PodNotReady(current);
                return (notReady is null ? current : null, notReady ?? "ready");
            }, cancellationToken);
            var meshed = WorkloadState.HasLinkerdProxy(pod);
            if (meshed != (name == ClientPods.MeshedName))
            {
                // Linkerd's injector fails open: a pod created too early comes up without the sidecar and no error.
                throw new InvalidOperationException(
                    $"pod {ns}/{name} is {(meshed ? "meshed" : "not meshed")}, which it must not be: is Linkerd's proxy injector running?");
            }
        }

        return new AppPods(client, ns, new KubernetesPodExec(client));
    }

    /// <summary>The meshed app's Linkerd proxy metrics (<c>:4191/metrics</c>, reached from inside the pod).</summary>
    public async Task<string> LinkerdMetricsAsync(CancellationToken cancellationToken)
    {
        var result = await Exec.ExecAsync(MeshedContainer, ["curl", "--silent", "--show-error", "--fail", "--max-time", "10", "http://localhost:4191/metrics"], null, cancellationToken);
        return result.ExitCode == 0
            ? result.StdoutText
            : throw new InvalidOperationException($"Reading Linkerd's metrics in {MeshedContainer} failed (curl exit {result.ExitCode}): {result.Stderr.Trim()}");
    }

    /// <summary>Deletes the namespace if it is this run's (never anything else).</summary>
    public static async Task DeleteAsync(IKubernetes client, string runId, CancellationToken cancellationToken)
    {
        var name = RunNamespace.Name("apps", runId);
        try
        {
            var ns = await client.CoreV1.ReadNamespaceAsync(name, cancellationToken: cancellationToken);
            if (RunNamespace.BelongsTo(ns, runId))
            {
                await client.CoreV1.DeleteNamespaceAsync(name, cancellationToken: cancellationToken);
            }
        }
        catch (HttpOperationException exception) when (exception.Response.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            // Never created, or already gone.
        }
    }
}
