using EgressSpecs.Gherkin;

namespace EgressSpecs.Specs.Features;

public sealed class ObservabilityFeature : FeatureTests
{
    [Theory, Scenarios("Features/Observability/Observability.feature")]
    public Task Scenario(string feature, int pickle) => RunAsync(feature, pickle);
}
