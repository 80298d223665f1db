using System.Net;
using EgressSpecs.Environments.Kubernetes;
using k8s;
using k8s.Autorest;

namespace EgressSpecs.Environments.Cluster;

/// <summary>
/// What an existing cluster must already have for the specs, each checked and named when missing: Linkerd's control
/// plane available, the egress DNS rule in CoreDNS's configuration, the egress proxy Deployment available.
/// </summary>
internal static class ClusterPrerequisites
{
    /// <summary>Every missing prerequisite, in words that say what to install or fix; empty when all are there.</summary>
    public static IReadOnlyList<string> Missing(ClusterSnapshot snapshot)
    {
        var missing = new List<string>();
        foreach (var forbidden in snapshot.Forbidden)
        {
            missing.Add($"the kubeconfig's user may not read {forbidden} (forbidden), so it cannot be checked");
        }

        if (snapshot.LinkerdNamespace is null)
        {
            if (!Unreadable(snapshot, $"namespace {EgressInstallNames.LinkerdNamespace}"))
            {
                missing.Add($"Linkerd is not installed (no namespace {EgressInstallNames.LinkerdNamespace})");
            }
        }
        else
        {
            foreach (var name in EgressInstallNames.LinkerdDeployments)
            {
                var deployment = snapshot.LinkerdDeployments.GetValueOrDefault(name);
                if (deployment is null && !Unreadable(snapshot, $"deployment {EgressInstallNames.LinkerdNamespace}/{name}"))
                {
                    missing.Add($"Linkerd's control plane is incomplete: no Deployment {EgressInstallNames.LinkerdNamespace}/{name}");
                }
                else if (deployment is not null && WorkloadState.DeploymentNotAvailable(deployment) is { } notAvailable)
                {
                    missing.Add($"Linkerd's control plane is not ready: {notAvailable}");
                }
            }
        }

        var dnsUnreadable = Unreadable(snapshot, $"configmap {EgressInstallNames.KubeSystem}/{EgressInstallNames.DnsConfigMap}")
            && Unreadable(snapshot, $"configmap {EgressInstallNames.KubeSystem}/{EgressInstallNames.CoreDnsConfigMap}");
        if (!dnsUnreadable && EgressDnsRuleCheck.Problem(snapshot.CorednsCustom?.Data, Corefile(snapshot)) is { } dns)
        {
            missing.Add($"the egress DNS rule: {dns}");
        }

        if (snapshot.Proxy is null && !Unreadable(snapshot, $"deployment {EgressInstallNames.Namespace}/{EgressInstallNames.Deployment}"))
        {
            missing.Add($"the egress proxy is not installed (no Deployment {EgressInstallNames.Namespace}/{EgressInstallNames.Deployment}; apply infra/)");
        }
        else if (snapshot.Proxy is not null && WorkloadState.DeploymentNotAvailable(snapshot.Proxy) is { } notAvailable)
        {
            missing.Add($"the egress proxy is not ready: {notAvailable}");
        }

        return missing;
    }

    private static string? Corefile(ClusterSnapshot snapshot) =>
        snapshot.Coredns?.Data is { } data && data.TryGetValue("Corefile", out var corefile) ? corefile : null;

    private static bool Unreadable(ClusterSnapshot snapshot, string what) => snapshot.Forbidden.Contains(what);

    /// <summary>Reads what <see cref="Missing"/> judges; 404 is "absent", 403 is "forbidden", anything else is a fault.</summary>
    public static async Task<ClusterSnapshot> ReadAsync(IKubernetes client, CancellationToken cancellationToken)
    {
        var forbidden = new List<string>();
        var linkerd = await ReadOrNullAsync(() => client.CoreV1.ReadNamespaceAsync(EgressInstallNames.LinkerdNamespace, cancellationToken: cancellationToken), $"namespace {EgressInstallNames.LinkerdNamespace}", forbidden);
        var deployments = new Dictionary<string, k8s.Models.V1Deployment?>();
        if (linkerd is not null)
        {
            foreach (var name in EgressInstallNames.LinkerdDeployments)
            {
                deployments[name] = await ReadOrNullAsync(
                    () => client.AppsV1.ReadNamespacedDeploymentAsync(name, EgressInstallNames.LinkerdNamespace, cancellationToken: cancellationToken),
                    $"deployment {EgressInstallNames.LinkerdNamespace}/{name}",
                    forbidden);
            }
        }

        return new ClusterSnapshot
        {
            LinkerdNamespace = linkerd,
            LinkerdDeployments = deployments,
            CorednsCustom = await ReadOrNullAsync(
                () => client.CoreV1.ReadNamespacedConfigMapAsync(EgressInstallNames.DnsConfigMap, EgressInstallNames.KubeSystem, cancellationToken: cancellationToken),
                $"configmap {EgressInstallNames.KubeSystem}/{EgressInstallNames.DnsConfigMap}",
                forbidden),
            Coredns = await ReadOrNullAsync(
                () => client.CoreV1.ReadNamespacedConfigMapAsync(EgressInstallNames.CoreDnsConfigMap, EgressInstallNames.KubeSystem, cancellationToken: cancellationToken),
                $"configmap {EgressInstallNames.KubeSystem}/{EgressInstallNames.CoreDnsConfigMap}",
                forbidden),
            Proxy = await ReadOrNullAsync(
                () => client.AppsV1.ReadNamespacedDeploymentAsync(EgressInstallNames.Deployment, EgressInstallNames.Namespace, cancellationToken: cancellationToken),
                $"deployment {EgressInstallNames.Namespace}/{EgressInstallNames.Deployment}",
                forbidden),
            Forbidden = forbidden,
        };
    }

    private static async Task<T?> ReadOrNullAsync<T>(Func<Task<T>> read, string what, List<string> forbidden)
        where T : class
    {
        try
        {
            return await read();
        }
        catch (HttpOperationException exception) when (exception.Response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
        catch (HttpOperationException exception) when (exception.Response.StatusCode == HttpStatusCode.Forbidden)
        {
            forbidden.Add(what);
            return null;
        }
    }
}
