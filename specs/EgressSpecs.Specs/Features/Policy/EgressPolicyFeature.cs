using EgressSpecs.Gherkin;

namespace EgressSpecs.Specs.Features;

public sealed class EgressPolicyFeature : FeatureTests
{
    [Theory, Scenarios("Features/Policy/EgressPolicy.feature")]
    public Task Scenario(string feature, int pickle) => RunAsync(feature, pickle);
}
