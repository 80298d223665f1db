using EgressSpecs.Environments.Cluster;
using EgressSpecs.Environments.K3s;
using EgressSpecs.Environments.Kubernetes;
using EgressSpecs.Environments.Local;

namespace EgressSpecs.Environments;

/// <summary>Chooses the target a test run uses.</summary>
public static class EgressTargets
{
    /// <summary>The default target.</summary>
    public const string Local = "local";

    /// <summary>An ephemeral k3s cluster with Linkerd (Testcontainers).</summary>
    public const string K3s = "k3s";

    /// <summary>An existing cluster, by kubeconfig.</summary>
    public const string Cluster = "cluster";

    /// <summary>Every valid value of <c>EGRESS_SPECS_TARGET</c>.</summary>
    public static IReadOnlyList<string> Names { get; } = [Local, K3s, Cluster];

    /// <summary>
    /// The target named by <c>EGRESS_SPECS_TARGET</c> (<c>local</c> when unset), configured from the other
    /// <c>EGRESS_SPECS_*</c> variables; not started yet.
    /// </summary>
    /// <exception cref="InvalidOperationException">A variable has a value that is not valid; the message names it.</exception>
    public static IEgressTarget FromEnvironment() => FromVariables(Environment.GetEnvironmentVariable);

    internal static IEgressTarget FromVariables(Func<string, string?> variable)
    {
        var name = variable(EgressEnvironmentVariables.Target)?.Trim();
        return (string.IsNullOrEmpty(name) ? Local : name.ToLowerInvariant()) switch
        {
            Local => new LocalTarget(LocalTargetSettings.Read(variable), Console.Error),
            K3s => new KubernetesTarget(new K3sCluster(K3sSettings.Read(variable), DockerAvailability.Missing, Console.Error), Console.Error),
            Cluster => new KubernetesTarget(new ExistingCluster(variable), Console.Error),
            _ => throw new InvalidOperationException(
                $"{EgressEnvironmentVariables.Target}='{name}' is not a target; valid values: {string.Join(", ", Names)} (default {Local})."),
        };
    }
}
