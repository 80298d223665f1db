using EgressSpecs.Gherkin;

namespace EgressSpecs.Specs.Features;

public sealed class SafeFailureFeature : FeatureTests
{
    [Theory, Scenarios("Features/SafeFailure/SafeFailure.feature")]
    public Task Scenario(string feature, int pickle) => RunAsync(feature, pickle);
}
