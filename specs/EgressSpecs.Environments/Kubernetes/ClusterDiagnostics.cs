using System.Globalization;
using System.Text;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace EgressSpecs.Environments.Kubernetes;

/// <summary>
/// What a failing scenario's report, or a failed start, needs from a cluster: per namespace, each pod's phase and
/// container states, the last log lines of every container (the previous run's too after a restart), and the events
/// in time order; and, where k3s's helm-controller installs charts, each <c>helm-install-*</c> Job with its pods' logs
/// (the Helm error of a failed chart install is only there).
/// </summary>
/// <remarks>
/// It is called when things went wrong, often on a half-started cluster (API server not up, namespace not created,
/// RBAC not granted), so it never throws: each section catches its own failure, says so in one line and the next
/// section goes on. Each section also has its own deadline, so one hanging call cannot eat the report.
/// </remarks>
internal static class ClusterDiagnostics
{
    /// <summary>helm-controller's Job name prefix (k3s-io/helm-controller pkg/controllers/chart/chart.go: <c>helm-%s-%s</c> with action install).</summary>
    public const string HelmInstallJobPrefix = "helm-install-";

    private const int TailLines = 100;
    private static readonly TimeSpan SectionTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Pods, logs and events of <paramref name="namespaces"/>.</summary>
    public static Task<string> CollectAsync(IKubernetes client, IEnumerable<string> namespaces, CancellationToken cancellationToken) =>
        CollectAsync(client, namespaces, helmJobNamespace: null, cancellationToken);

    /// <summary>
    /// Pods, logs and events of <paramref name="namespaces"/>, then the <c>helm-install-*</c> Jobs of
    /// <paramref name="helmJobNamespace"/> (where the HelmChart objects live; null for none) with their pods' logs.
    /// </summary>
    public static async Task<string> CollectAsync(IKubernetes client, IEnumerable<string> namespaces, string? helmJobNamespace, CancellationToken cancellationToken)
    {
        var text = new StringBuilder();
        foreach (var ns in namespaces.Distinct())
        {
            text.AppendLine($"== namespace {ns}");
            await SectionAsync(text, $"pods of {ns}", token => DescribePodsAsync(client, ns, labelSelector: null, text, token), cancellationToken);
            await SectionAsync(text, $"events of {ns}", token => DescribeEventsAsync(client, ns, text, token), cancellationToken);
        }

        if (helmJobNamespace is not null)
        {
            text.AppendLine($"== Helm install jobs in {helmJobNamespace}");
            var jobs = new List<string>();
            await SectionAsync(text, $"jobs of {helmJobNamespace}", async token => jobs.AddRange(await DescribeHelmJobsAsync(client, helmJobNamespace, text, token)), cancellationToken);
            foreach (var job in jobs)
            {
                // Every attempt's pod: the Helm error of a failed install is in the failed pods' logs, not in the Job.
                text.AppendLine($"-- pods of job {job}");
                await SectionAsync(text, $"pods of job {job}", token => DescribePodsAsync(client, helmJobNamespace, $"job-name={job}", text, token), cancellationToken);
            }
        }

        return text.ToString();
    }

    private static async Task SectionAsync(StringBuilder text, string what, Func<CancellationToken, Task> section, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(SectionTimeout);
        try
        {
            await section(deadline.Token);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            text.AppendLine($"   (cannot read {what}: diagnostics cancelled)");
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"   (cannot read {what}: no answer within {SectionTimeout.TotalSeconds:0} s)");
        }
        catch (Exception exception)
        {
            text.AppendLine($"   (cannot read {what}: {Describe(exception)})");
        }
    }

    private static async Task DescribePodsAsync(IKubernetes client, string ns, string? labelSelector, StringBuilder text, CancellationToken cancellationToken)
    {
        var pods = await client.CoreV1.ListNamespacedPodAsync(ns, labelSelector: labelSelector, cancellationToken: cancellationToken);
        if ((pods.Items?.Count ?? 0) == 0)
        {
            text.AppendLine("-- no pods");
        }

        foreach (var pod in pods.Items ?? [])
        {
            await DescribePodAsync(client, pod, text, cancellationToken);
        }
    }

    private static async Task DescribePodAsync(IKubernetes client, V1Pod pod, StringBuilder text, CancellationToken cancellationToken)
    {
        text.AppendLine($"-- pod {pod.Metadata?.Name}: {pod.Status?.Phase}{(WorkloadState.HasLinkerdProxy(pod) ? " (meshed)" : string.Empty)}");
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
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // A container that never started has no log: say so and go on with the next container.
            text.AppendLine($"   --- {container} log unavailable: {Describe(exception)}");
        }
    }

    private static async Task DescribeEventsAsync(IKubernetes client, string ns, StringBuilder text, CancellationToken cancellationToken)
    {
        var events = await client.CoreV1.ListNamespacedEventAsync(ns, cancellationToken: cancellationToken);
        text.AppendLine("-- events:");
        foreach (var item in (events.Items ?? []).OrderBy(When))
        {
            var when = When(item)?.ToString("HH:mm:ss", CultureInfo.InvariantCulture);
            text.AppendLine($"   {when} {item.Type} {item.Reason} {item.InvolvedObject?.Kind}/{item.InvolvedObject?.Name}: {item.Message}");
        }
    }

    /// <summary>Writes one line per <c>helm-install-*</c> Job and returns their names.</summary>
    private static async Task<IReadOnlyList<string>> DescribeHelmJobsAsync(IKubernetes client, string ns, StringBuilder text, CancellationToken cancellationToken)
    {
        var jobs = (await client.BatchV1.ListNamespacedJobAsync(ns, cancellationToken: cancellationToken)).Items ?? [];
        var helmJobs = jobs.Where(job => job.Metadata?.Name?.StartsWith(HelmInstallJobPrefix, StringComparison.Ordinal) == true).ToList();
        if (helmJobs.Count == 0)
        {
            text.AppendLine("-- no helm-install jobs");
        }

        foreach (var job in helmJobs)
        {
            var outcome = WorkloadState.JobOutcome(job) switch { true => "succeeded", false => "failed", null => "running" };
            var conditions = string.Join("; ", (job.Status?.Conditions ?? []).Where(c => c.Status == "True").Select(c => $"{c.Type}: {c.Reason} {c.Message}".TrimEnd()));
            text.AppendLine(
                $"-- job {job.Metadata.Name}: {outcome}, {job.Status?.Active ?? 0} active, {job.Status?.Succeeded ?? 0} succeeded, {job.Status?.Failed ?? 0} failed"
                + (conditions.Length > 0 ? $" ({conditions})" : string.Empty));
        }

        return [.. helmJobs.Select(job => job.Metadata.Name)];
    }

    private static DateTime? When(Corev1Event item) => item.LastTimestamp ?? item.EventTime ?? item.Metadata?.CreationTimestamp;

    private static string Describe(Exception exception) => exception switch
    {
        HttpOperationException { Response: { } response } => $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}".TrimEnd(),
        _ => $"{exception.GetType().Name}: {FirstLine(exception.Message)}",
    };

    private static string FirstLine(string message)
    {
        var end = message.AsSpan().IndexOfAny('\r', '\n');
        return end >= 0 ? message[..end] : message;
    }

    private static string State(V1ContainerState? state) => state switch
    {
        { Waiting: { } waiting } => $"waiting ({waiting.Reason}: {waiting.Message})",
        { Terminated: { } terminated } => $"terminated ({terminated.Reason}, exit {terminated.ExitCode})",
        { Running: not null } => "running",
        _ => "unknown",
    };
}
