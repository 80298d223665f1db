namespace EgressSpecs.Environments.Kubernetes;

/// <summary>Where a rollout stands: done, still going, or failed for good (waiting longer cannot help).</summary>
internal enum RolloutOutcome
{
    Done,
    Waiting,
    Failed,
}

/// <summary>A rollout's outcome and the words <c>kubectl rollout status</c> would print for it.</summary>
internal sealed record DeploymentRollout(RolloutOutcome Outcome, string State)
{
    public static DeploymentRollout Done(string state) => new(RolloutOutcome.Done, state);

    public static DeploymentRollout Waiting(string state) => new(RolloutOutcome.Waiting, state);

    public static DeploymentRollout Failed(string state) => new(RolloutOutcome.Failed, state);
}
