using EgressSpecs.Gherkin;

namespace EgressSpecs.Specs.Features;

public sealed class HostileInputFeature : FeatureTests
{
    [Theory, Scenarios("Features/HostileInput/HostileInput.feature")]
    public Task Scenario(string feature, int pickle) => RunAsync(feature, pickle);
}
