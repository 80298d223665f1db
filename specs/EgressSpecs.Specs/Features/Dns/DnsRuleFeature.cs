using EgressSpecs.Gherkin;

namespace EgressSpecs.Specs.Features;

public sealed class DnsRuleFeature : FeatureTests
{
    [Theory, Scenarios("Features/Dns/DnsRule.feature")]
    public Task Scenario(string feature, int pickle) => RunAsync(feature, pickle);
}
