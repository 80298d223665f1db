using EgressSpecs.Environments;
using Reqnroll;

namespace EgressSpecs.Specs.Support;

/// <summary>
/// Skips a scenario whose <c>@needs-*</c> tags ask for something the target lacks, with the target's reason.
/// Tags are the documentation (see Features/_Glossary.md); drivers also check each capability they use.
/// </summary>
[Binding]
internal sealed class CapabilityTags(ScenarioContext scenario, IEgressTarget target)
{
    private static readonly Dictionary<string, Capability> Needs = new(StringComparer.OrdinalIgnoreCase)
    {
        ["needs-cluster"] = Capability.UnmeshedApp,
        ["needs-mesh"] = Capability.MeshMutualTls,
        ["needs-proxy-admin"] = Capability.ProxyAdmin,
        ["needs-raw-connection"] = Capability.RawProxyConnection,
        ["needs-own-proxy"] = Capability.OwnProxy,
    };

    [BeforeScenario(Order = 10)]
    public void SkipWhenTheTargetLacksATaggedNeed()
    {
        var tags = scenario.ScenarioInfo.CombinedTags;
        foreach (var tag in tags)
        {
            if (Needs.TryGetValue(tag, out var capability))
            {
                target.Require(capability);
            }
        }
    }
}
