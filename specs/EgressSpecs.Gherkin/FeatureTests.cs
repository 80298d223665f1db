using EgressSpecs.Gherkin.Running;

namespace EgressSpecs.Gherkin;

/// <summary>
/// Base of the one small class per feature file that a test project declares:
/// <code>
/// public sealed class ForwardingFeature : FeatureTests
/// {
///     [Theory, Scenarios("Features/Forwarding/Forwarding.feature")]
///     public Task Scenario(string feature, int pickle) => RunAsync(feature, pickle);
/// }
/// </code>
/// One class per feature lets xunit run features in parallel; the scenarios of a class run one after another.
/// </summary>
public abstract class FeatureTests
{
    /// <summary>Runs one scenario (or example row) of a feature on the Reqnroll runtime.</summary>
    protected Task RunAsync(string feature, int pickle) => ScenarioTest.RunAsync(GetType().Assembly, feature, pickle);
}
