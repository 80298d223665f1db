using System.Globalization;
using System.Text.Json.Nodes;
using EgressSpecs.Environments.Kubernetes;
using EgressSpecs.Environments.Support;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace EgressSpecs.Environments.K3s;

/// <summary>
/// The steps that turn a fresh k3s node into the egress pattern: the node and CoreDNS up, Linkerd installed from its
/// Helm charts, the proxy image imported, <c>infra/</c> applied, CoreDNS restarted onto the new rule, the proxy
/// rolled out meshed. Each step polls with a timeout and says what it was waiting for.
/// </summary>
internal static class K3sClusterSetup
{
    private static readonly TimeSpan StepTimeout = TimeSpan.FromMinutes(6);

    public static async Task WaitForNodeAndDnsAsync(IKubernetes client, CancellationToken cancellationToken)
    {
        await Poll.UntilTrueAsync("the k3s node to be Ready", StepTimeout, async token =>
        {
            var nodes = await client.CoreV1.ListNodeAsync(cancellationToken: token);
            var ready = nodes.Items.Any(node => node.Status?.Conditions?.Any(c => c.Type == "Ready" && c.Status == "True") == true);
            return (ready, $"{nodes.Items.Count} node(s), none Ready");
        }, cancellationToken);
        await WaitForDeploymentAsync(client, EgressInstallNames.KubeSystem, "coredns", cancellationToken);
    }

    public static async Task InstallLinkerdAsync(IKubernetes client, LinkerdCertificates certificates, string chartVersion, CancellationToken cancellationToken)
    {
        // The control plane's chart fails until the CRDs exist: install them first and wait for their job.
        foreach (var chart in new[] { LinkerdHelmCharts.Crds(chartVersion), LinkerdHelmCharts.ControlPlane(certificates, chartVersion) })
        {
            await ManifestApply.ApplyAsync(client, chart, cancellationToken);
            await WaitForHelmJobAsync(client, chart, cancellationToken);
        }

        foreach (var deployment in EgressInstallNames.LinkerdDeployments)
        {
            await WaitForDeploymentAsync(client, EgressInstallNames.LinkerdNamespace, deployment, cancellationToken);
        }
    }

    public static async Task ApplyAsync(IKubernetes client, IReadOnlyList<IKubernetesObject<V1ObjectMeta>> objects, CancellationToken cancellationToken)
    {
        foreach (var item in objects)
        {
            await ManifestApply.ApplyAsync(client, item, cancellationToken);
        }
    }

    /// <summary>
    /// Restarts CoreDNS as <c>kubectl rollout restart</c> does: its pods then start with <c>coredns-custom</c> mounted,
    /// instead of waiting for kubelet's ConfigMap sync, the reload plugin and the cache (about two minutes).
    /// </summary>
    public static async Task RestartCoreDnsAsync(IKubernetes client, CancellationToken cancellationToken)
    {
        var restartedAt = DateTimeOffset.UtcNow.ToString("o", CultureInfo.InvariantCulture);
        var annotation = new JsonObject { ["kubectl.kubernetes.io/restartedAt"] = restartedAt };
        var body = new JsonObject { ["spec"] = new JsonObject { ["template"] = new JsonObject { ["metadata"] = new JsonObject { ["annotations"] = annotation } } } };
        var patch = new V1Patch(body.ToJsonString(), V1Patch.PatchType.StrategicMergePatch);
        await client.AppsV1.PatchNamespacedDeploymentAsync(patch, "coredns", EgressInstallNames.KubeSystem, cancellationToken: cancellationToken);
        await WaitForDeploymentAsync(client, EgressInstallNames.KubeSystem, "coredns", cancellationToken);
    }

    /// <summary>Waits for the proxy's rollout and checks that Linkerd meshed every replica.</summary>
    public static async Task WaitForProxyAsync(IKubernetes client, CancellationToken cancellationToken)
    {
        await WaitForDeploymentAsync(client, EgressInstallNames.Namespace, EgressInstallNames.Deployment, cancellationToken);
        var pods = await client.CoreV1.ListNamespacedPodAsync(EgressInstallNames.Namespace, labelSelector: EgressInstallNames.PodSelector, cancellationToken: cancellationToken);
        var unmeshed = pods.Items.Where(pod => !WorkloadState.HasLinkerdProxy(pod)).Select(pod => pod.Metadata.Name).ToList();
        if (unmeshed.Count > 0)
        {
            throw new InvalidOperationException($"egress proxy pods without Linkerd's sidecar: {string.Join(", ", unmeshed)} (the injector must run before infra/ is applied)");
        }
    }

    public static Task WaitForDeploymentAsync(IKubernetes client, string ns, string name, CancellationToken cancellationToken) =>
        Poll.UntilTrueAsync($"Deployment {ns}/{name} to be available", StepTimeout, async token =>
        {
            try
            {
                var rollout = WorkloadState.DeploymentRolloutStatus(await client.AppsV1.ReadNamespacedDeploymentAsync(name, ns, cancellationToken: token));
                return rollout.Outcome switch
                {
                    RolloutOutcome.Failed => throw new InvalidOperationException($"{rollout.State} (kubectl rollout status fails here too; the pods and events are in the diagnostics)"),
                    var outcome => (outcome == RolloutOutcome.Done, rollout.State),
                };
            }
            catch (HttpOperationException exception) when (exception.Response.StatusCode == System.Net.HttpStatusCode.NotFound)
            {
                return (false, $"Deployment {ns}/{name} does not exist yet");
            }
        }, cancellationToken);

    private static Task WaitForHelmJobAsync(IKubernetes client, HelmChart chart, CancellationToken cancellationToken) =>
        Poll.UntilTrueAsync($"Job {chart.Metadata.NamespaceProperty}/{chart.InstallJobName} (Helm install of {chart.Spec.Chart} {chart.Spec.Version})", StepTimeout, async token =>
        {
            try
            {
                var job = await client.BatchV1.ReadNamespacedJobAsync(chart.InstallJobName, chart.Metadata.NamespaceProperty, cancellationToken: token);
                return WorkloadState.JobOutcome(job) switch
                {
                    true => (true, "succeeded"),
                    false => throw new InvalidOperationException(
                        $"The Helm install job {chart.InstallJobName} failed ({job.Status?.Failed ?? 0} attempts); its pod logs are in the diagnostics."),
                    null => (false, $"running, {job.Status?.Failed ?? 0} failed attempt(s)"),
                };
            }
            catch (HttpOperationException exception) when (exception.Response.StatusCode == System.Net.HttpStatusCode.NotFound)
            {
                return (false, "helm-controller has not created the job yet");
            }
        }, cancellationToken);
}
