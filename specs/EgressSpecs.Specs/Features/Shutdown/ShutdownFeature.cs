using EgressSpecs.Gherkin;

namespace EgressSpecs.Specs.Features;

public sealed class ShutdownFeature : FeatureTests
{
    [Theory, Scenarios("Features/Shutdown/Shutdown.feature")]
    public Task Scenario(string feature, int pickle) => RunAsync(feature, pickle);
}
