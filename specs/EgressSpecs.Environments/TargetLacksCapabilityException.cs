namespace EgressSpecs.Environments;

/// <summary>Thrown when a scenario uses a capability the target lacks without asking <see cref="IEgressTarget.Lacks"/> first.</summary>
public sealed class TargetLacksCapabilityException(Capability capability, string reason)
    : InvalidOperationException($"The target lacks {capability}: {reason}")
{
    /// <summary>The capability that was asked for.</summary>
    public Capability Capability { get; } = capability;

    /// <summary>What is missing, in words a reader can act on.</summary>
    public string Reason { get; } = reason;
}
