namespace EgressSpecs.Environments;

/// <summary>A scenario used a capability its tags do not declare: a test bug, which must fail loudly rather than run on a target that lacks it.</summary>
public sealed class UndeclaredCapabilityException(Capability capability)
    : InvalidOperationException(
        $"The scenario uses {capability} but its tags do not declare it: add @{CapabilityTags.ByCapability[capability]} to the scenario (or its feature), "
        + "so that targets without it skip the scenario before its first step (see Features/_Glossary.md).")
{
    /// <summary>The capability that was used.</summary>
    public Capability Capability { get; } = capability;
}
