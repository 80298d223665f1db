using EgressSpecs.Gherkin;

namespace EgressSpecs.Specs.Features;

/// <summary>
/// The platform team's own egress contract (<c>EGRESS_SPECS_CONTRACT</c>): one scenario per entry of the file, generated
/// when the tests are discovered. Without a contract file it is one skipped scenario that says how to give one.
/// </summary>
public sealed class ContractFeature : FeatureTests
{
    [Theory, GeneratedScenarios(typeof(ContractFeatureSource))]
    public Task Scenario(string feature, int pickle) => RunAsync(feature, pickle);
}
