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
    // Most specific first: a scenario that needs the mesh is skipped for lack of the mesh, not of "a cluster".
    private static readonly (string Tag, Capability Capability)[] Needs =
    [
        ("needs-mesh", Capability.MeshMutualTls),
        ("needs-proxy-admin", Capability.ProxyAdmin),
        ("needs-raw-connection", Capability.RawProxyConnection),
        ("needs-own-proxy", Capability.OwnProxy),
        ("needs-cluster", Capability.UnmeshedApp),
    ];

    [BeforeScenario(Order = 10)]
    public void SkipWhenTheTargetLacksATaggedNeed()
    {
        var tags = scenario.ScenarioInfo.CombinedTags;
        foreach (var (tag, capability) in Needs)
        {
            if (tags.Contains(tag, StringComparer.OrdinalIgnoreCase))
            {
                target.Require(capability);
            }
        }
    }
}
