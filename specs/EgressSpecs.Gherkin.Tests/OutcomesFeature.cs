using Xunit;

namespace EgressSpecs.Gherkin.Tests;

/// <summary>
/// Explicit: these scenarios fail or skip on purpose, so they run only when asked for
/// (<c>--explicit only</c>), as the end-to-end report test does in a child process.
/// </summary>
public sealed class OutcomesFeature : FeatureTests
{
    public const string Path = "Features/Outcomes.feature";

    [Theory(Explicit = true), Scenarios(Path)]
    public Task Scenario(string feature, int pickle) => RunAsync(feature, pickle);
}
