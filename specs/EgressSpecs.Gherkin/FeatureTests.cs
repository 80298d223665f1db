using EgressSpecs.Gherkin.Discovery;
using EgressSpecs.Gherkin.Parsing;
using EgressSpecs.Gherkin.Reporting;
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
    protected async Task RunAsync(string feature, int pickle)
    {
        var parsed = FeatureCatalog.Get(feature);
        var name = pickle >= 0 && pickle < parsed.Pickles.Count
            ? ScenarioNaming.DisplayName(parsed, parsed.Pickles[pickle])
            : $"{parsed.Title}: scenario #{pickle}";
        try
        {
            await ScenarioRunner.RunAsync(GetType().Assembly, feature, pickle);
            ScenarioOutcomes.Record(new ScenarioOutcome(parsed.Title, name, ScenarioResult.Passed));
        }
        catch (Exception exception)
        {
            var result = ScenarioOutcomeClassifier.IsSkip(exception) ? ScenarioResult.Skipped : ScenarioResult.Failed;
            ScenarioOutcomes.Record(new ScenarioOutcome(parsed.Title, name, result));
            throw;
        }
    }
}
