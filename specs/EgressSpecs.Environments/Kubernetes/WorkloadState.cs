using k8s.Models;

namespace EgressSpecs.Environments.Kubernetes;

/// <summary>Reads readiness from API objects the way <c>kubectl rollout status</c> and <c>kubectl wait</c> do.</summary>
internal static class WorkloadState
{
    /// <summary>The sidecar's container name; Linkerd adds it to every pod it meshes.</summary>
    public const string LinkerdProxyContainer = "linkerd-proxy";

    /// <summary>Null when the Deployment's current generation is rolled out and available, else what is missing.</summary>
    public static string? DeploymentNotAvailable(V1Deployment deployment)
    {
        var wanted = deployment.Spec?.Replicas ?? 1;
        var status = deployment.Status;
        var name = $"{deployment.Metadata?.NamespaceProperty}/{deployment.Metadata?.Name}";
        if (status is null || (status.ObservedGeneration ?? 0) < (deployment.Metadata?.Generation ?? 0))
        {
            return $"Deployment {name}: the controller has not seen the current generation yet";
        }

        if ((status.UpdatedReplicas ?? 0) < wanted || (status.AvailableReplicas ?? 0) < wanted)
        {
            return $"Deployment {name}: {status.AvailableReplicas ?? 0}/{wanted} replicas available, {status.UpdatedReplicas ?? 0} updated";
        }

        return status.Conditions?.Any(condition => condition.Type == "Available" && condition.Status == "True") == true
            ? null
            : $"Deployment {name}: condition Available is not True";
    }

    /// <summary>True when the pod is Running and every container is ready.</summary>
    public static string? PodNotReady(V1Pod pod)
    {
        var name = $"{pod.Metadata?.NamespaceProperty}/{pod.Metadata?.Name}";
        if (pod.Status?.Phase != "Running")
        {
            var waiting = pod.Status?.ContainerStatuses?.Select(status => status.State?.Waiting?.Reason).FirstOrDefault(reason => reason is not null);
            return $"pod {name} is {pod.Status?.Phase ?? "not scheduled"}{(waiting is null ? string.Empty : $" ({waiting})")}";
        }

        var notReady = pod.Status.ContainerStatuses?.Where(status => !status.Ready).Select(status => status.Name).ToList() ?? [];
        return notReady.Count == 0 ? null : $"pod {name}: containers not ready: {string.Join(", ", notReady)}";
    }

    /// <summary>True when Linkerd injected its proxy (a container, or a native sidecar init container).</summary>
    public static bool HasLinkerdProxy(V1Pod pod) =>
        (pod.Spec?.Containers?.Any(container => container.Name == LinkerdProxyContainer) ?? false)
        || (pod.Spec?.InitContainers?.Any(container => container.Name == LinkerdProxyContainer) ?? false);

    /// <summary>True when the Job succeeded, false when it failed, null while it runs.</summary>
    public static bool? JobOutcome(V1Job job)
    {
        if ((job.Status?.Succeeded ?? 0) >= 1 || job.Status?.Conditions?.Any(c => c.Type == "Complete" && c.Status == "True") == true)
        {
            return true;
        }

        return job.Status?.Conditions?.Any(c => c.Type == "Failed" && c.Status == "True") == true ? false : null;
    }
}
