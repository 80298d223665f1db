namespace EgressSpecs.Environments;

/// <summary>
/// Thrown by <see cref="IEgressTarget.StartAsync"/> when the chosen target cannot run (no Docker engine, no
/// kubeconfig, a cluster missing a prerequisite, a failed provisioning step). The message is the whole reason, in
/// words a reader can act on; a run that verified nothing must not pass, so the run fails with it.
/// </summary>
public sealed class TargetUnavailableException(string target, string reason, Exception? cause = null)
    : Exception($"The '{target}' target cannot run: {reason}", cause)
{
    /// <summary>The target's name.</summary>
    public string Target { get; } = target;

    /// <summary>What is missing or what failed.</summary>
    public string Reason { get; } = reason;
}
