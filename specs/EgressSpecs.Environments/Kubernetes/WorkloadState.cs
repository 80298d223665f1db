using k8s.Models;

namespace EgressSpecs.Environments.Kubernetes;

/// <summary>Reads readiness from API objects the way <c>kubectl rollout status</c> and <c>kubectl wait</c> do.</summary>
internal static class WorkloadState
{
    /// <summary>The sidecar's container name; Linkerd adds it to every pod it meshes.</summary>
    public const string LinkerdProxyContainer = "linkerd-proxy";

    /// <summary>The Progressing condition's reason once a rollout made no progress for <c>progressDeadlineSeconds</c>.</summary>
    public const string ProgressDeadlineExceeded = "ProgressDeadlineExceeded";

    /// <summary>
    /// The Deployment's rollout as <c>kubectl rollout status</c> judges it, branch for branch: kubernetes/kubectl
    /// pkg/polymorphichelpers/rollout_status.go, <c>DeploymentStatusViewer.Status</c> (checked at commit 53ef3abb),
    /// with <c>TimedOutReason</c> from pkg/util/deployment/deployment.go. Until the controller has observed the current
    /// generation nothing else counts; then a Progressing condition with reason <see cref="ProgressDeadlineExceeded"/>
    /// is a failure (kubectl exits with an error, so a wait should stop at once); then new replicas not all updated,
    /// old replicas still running (<c>status.replicas</c> above <c>updatedReplicas</c>: a restart mid-rollout, where
    /// the available count alone looks complete), and updated replicas not all available each mean "wait".
    /// </summary>
    public static DeploymentRollout DeploymentRolloutStatus(V1Deployment deployment)
    {
        var name = $"{deployment.Metadata?.NamespaceProperty}/{deployment.Metadata?.Name}";
        var status = deployment.Status ?? new V1DeploymentStatus();
        if ((deployment.Metadata?.Generation ?? 0) > (status.ObservedGeneration ?? 0))
        {
            return DeploymentRollout.Waiting($"Deployment {name}: the controller has not observed generation {deployment.Metadata?.Generation} yet");
        }

        var progressing = status.Conditions?.FirstOrDefault(condition => condition.Type == "Progressing");
        if (progressing?.Reason == ProgressDeadlineExceeded)
        {
            return DeploymentRollout.Failed($"Deployment {name} exceeded its progress deadline: {progressing.Message}");
        }

        var updated = status.UpdatedReplicas ?? 0;
        if (deployment.Spec?.Replicas is { } wanted && updated < wanted)
        {
            return DeploymentRollout.Waiting($"Deployment {name}: {updated} out of {wanted} new replicas have been updated");
        }

        if ((status.Replicas ?? 0) > updated)
        {
            return DeploymentRollout.Waiting($"Deployment {name}: {status.Replicas - updated} old replicas are pending termination");
        }

        var available = status.AvailableReplicas ?? 0;
        return available < updated
            ? DeploymentRollout.Waiting($"Deployment {name}: {available} of {updated} updated replicas are available")
            : DeploymentRollout.Done($"Deployment {name} successfully rolled out");
    }

    /// <summary>Null when the Deployment is rolled out (<see cref="DeploymentRolloutStatus"/>), else what is missing or failed.</summary>
    public static string? DeploymentNotAvailable(V1Deployment deployment) => DeploymentRolloutStatus(deployment) switch
    {
        { Outcome: RolloutOutcome.Done } => null,
        var rollout => rollout.State,
    };

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
