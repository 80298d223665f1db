using Xunit;

namespace EgressSpecs.Gherkin.Tests.Generated;

/// <summary>
/// Explicit: a generated feature with nothing to run stands as one skipped scenario with its reason, so it runs only
/// when asked for (<c>--explicit only</c>), as the end-to-end test does in a child process.
/// </summary>
public sealed class PlaceholderFeature : FeatureTests
{
    [Theory(Explicit = true), GeneratedScenarios(typeof(Source))]
    public Task Scenario(string feature, int pickle) => RunAsync(feature, pickle);

    public sealed class Source : IFeatureSource
    {
        public const string Reason = "no list was given: set SAMPLE_LIST to run one scenario per entry";

        public GeneratedFeature Generate() => new(
            "Generated/Placeholder.feature",
            """
            Feature: Placeholder
              Scenario: No list was given
            """)
        {
            SkipReason = Reason,
        };
    }
}
