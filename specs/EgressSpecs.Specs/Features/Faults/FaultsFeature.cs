using EgressSpecs.Gherkin;

namespace EgressSpecs.Specs.Features;

public sealed class FaultsFeature : FeatureTests
{
    [Theory, Scenarios("Features/Faults/Faults.feature")]
    public Task Scenario(string feature, int pickle) => RunAsync(feature, pickle);
}
