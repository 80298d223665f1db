using System.Security.Cryptography;
using k8s.Models;

namespace EgressSpecs.Environments.Kubernetes;

/// <summary>
/// The namespaces a test run creates: named <c>egress-specs-PURPOSE-RUNID</c> and labelled with the run, so that
/// nothing else is ever touched and a kept or leaked one is easy to find
/// (<c>kubectl get ns -l app.kubernetes.io/managed-by=egress-specs</c>).
/// </summary>
internal static class RunNamespace
{
    public const string RunLabel = "egress-specs.io/run";
    public const string ManagedByLabel = "app.kubernetes.io/managed-by";
    public const string ManagedByValue = "egress-specs";

    /// <summary>A fresh run id: 6 characters valid in a DNS label.</summary>
    public static string NewRunId() => RandomNumberGenerator.GetString("abcdefghijklmnopqrstuvwxyz0123456789", 6);

    public static string Name(string purpose, string runId) => $"egress-specs-{purpose}-{runId}";

    public static V1Namespace Manifest(string purpose, string runId) => new()
    {
        ApiVersion = "v1",
        Kind = "Namespace",
        Metadata = new V1ObjectMeta
        {
            Name = Name(purpose, runId),
            Labels = new Dictionary<string, string> { [RunLabel] = runId, [ManagedByLabel] = ManagedByValue },
        },
    };

    /// <summary>True when <paramref name="ns"/> was created by the run <paramref name="runId"/>: the only namespaces the harness deletes.</summary>
    public static bool BelongsTo(V1Namespace ns, string runId) =>
        ns.Metadata?.Labels is { } labels
        && labels.TryGetValue(RunLabel, out var run) && run == runId
        && labels.TryGetValue(ManagedByLabel, out var managedBy) && managedBy == ManagedByValue;
}
