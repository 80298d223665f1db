using EgressSpecs.Gherkin;

namespace EgressSpecs.Specs.Features;

public sealed class ForwardingFeature : FeatureTests
{
    [Theory, Scenarios("Features/Forwarding/Forwarding.feature")]
    public Task Scenario(string feature, int pickle) => RunAsync(feature, pickle);
}
