using System.Text;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace EgressSpecs.Environments.Kubernetes;

/// <summary>
/// What a failing scenario's report needs from a cluster: per namespace, each pod's phase and container states, the
/// last log lines of every container (the previous run's too after a restart), and the events in time order.
/// </summary>
internal static class ClusterDiagnostics
{
    private const int TailLines = 100;

    public static async Task<string> CollectAsync(IKubernetes client, IEnumerable<string> namespaces, CancellationToken cancellationToken)
    {
        var text = new StringBuilder();
        foreach (var ns in namespaces.Distinct())
        {
            text.AppendLine($"== namespace {ns}");
            try
            {
                await DescribePodsAsync(client, ns, text, cancellationToken);
                await DescribeEventsAsync(client, ns, text, cancellationToken);
            }
            catch (HttpOperationException exception)
            {
                text.AppendLine($"   (cannot read: HTTP {(int)exception.Response.StatusCode} {exception.Response.ReasonPhrase})");
            }
        }

        return text.ToString();
    }

    private static async Task DescribePodsAsync(IKubernetes client, string ns, StringBuilder text, CancellationToken cancellationToken)
    {
        var pods = await client.CoreV1.ListNamespacedPodAsync(ns, cancellationToken: cancellationToken);
        foreach (var pod in pods.Items)
        {
            text.AppendLine($"-- pod {pod.Metadata.Name}: {pod.Status?.Phase}{(WorkloadState.HasLinkerdProxy(pod) ? " (meshed)" : string.Empty)}");
            var statuses = (pod.Status?.InitContainerStatuses ?? []).Concat(pod.Status?.ContainerStatuses ?? []);
            foreach (var status in statuses)
            {
                text.AppendLine($"   {status.Name}: ready={status.Ready} restarts={status.RestartCount} {State(status.State)}");
                await AppendLogAsync(client, pod, status.Name, previous: false, text, cancellationToken);
                if (status.RestartCount > 0)
                {
                    await AppendLogAsync(client, pod, status.Name, previous: true, text, cancellationToken);
                }
            }
        }
    }

    private static async Task AppendLogAsync(IKubernetes client, V1Pod pod, string container, bool previous, StringBuilder text, CancellationToken cancellationToken)
    {
        try
        {
            await using var stream = await client.CoreV1.ReadNamespacedPodLogAsync(
                pod.Metadata.Name, pod.Metadata.NamespaceProperty, container, previous: previous, tailLines: TailLines, cancellationToken: cancellationToken);
            using var reader = new StreamReader(stream);
            var log = await reader.ReadToEndAsync(cancellationToken);
            text.AppendLine($"   --- {container} log{(previous ? " (previous run)" : string.Empty)}, last {TailLines} lines:");
            foreach (var line in log.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                text.Append("   | ").AppendLine(line);
            }
        }
        catch (HttpOperationException exception)
        {
            text.AppendLine($"   --- {container} log unavailable: HTTP {(int)exception.Response.StatusCode}");
        }
    }

    private static async Task DescribeEventsAsync(IKubernetes client, string ns, StringBuilder text, CancellationToken cancellationToken)
    {
        var events = await client.CoreV1.ListNamespacedEventAsync(ns, cancellationToken: cancellationToken);
        text.AppendLine("-- events:");
        foreach (var item in events.Items.OrderBy(item => item.LastTimestamp ?? item.EventTime ?? item.Metadata.CreationTimestamp))
        {
            var when = (item.LastTimestamp ?? item.EventTime ?? item.Metadata.CreationTimestamp)?.ToString("HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
            text.AppendLine($"   {when} {item.Type} {item.Reason} {item.InvolvedObject?.Kind}/{item.InvolvedObject?.Name}: {item.Message}");
        }
    }

    private static string State(V1ContainerState? state) => state switch
    {
        { Waiting: { } waiting } => $"waiting ({waiting.Reason}: {waiting.Message})",
        { Terminated: { } terminated } => $"terminated ({terminated.Reason}, exit {terminated.ExitCode})",
        { Running: not null } => "running",
        _ => "unknown",
    };
}
