using EgressSpecs.Environments;

namespace EgressSpecs.Specs.Support;

internal static class TargetRequirements
{
    /// <summary>Skips the running scenario, naming what is missing, when the target lacks <paramref name="capability"/>.</summary>
    public static void Require(this IEgressTarget target, Capability capability)
    {
        if (target.Lacks(capability) is { } reason)
        {
            Assert.Skip($"{capability} is not available on the '{target.Name}' target: {reason}");
        }
    }
}
