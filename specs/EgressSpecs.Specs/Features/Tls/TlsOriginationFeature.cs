using EgressSpecs.Gherkin;

namespace EgressSpecs.Specs.Features;

public sealed class TlsOriginationFeature : FeatureTests
{
    [Theory, Scenarios("Features/Tls/TlsOrigination.feature")]
    public Task Scenario(string feature, int pickle) => RunAsync(feature, pickle);
}
