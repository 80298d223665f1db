using Xunit;

namespace EgressSpecs.Gherkin.Tests;

public sealed class BasicsFeature : FeatureTests
{
    [Theory, Scenarios("Features/Basics.feature")]
    public Task Scenario(string feature, int pickle) => RunAsync(feature, pickle);
}
