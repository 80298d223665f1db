using EgressSpecs.Gherkin.Parsing;
using Xunit;

namespace EgressSpecs.Gherkin.Discovery;

/// <summary>One theory row per pickle of a feature: its path and the pickle's index, both serializable, so each is its own test case.</summary>
internal static class ScenarioRows
{
    public static IReadOnlyCollection<ITheoryDataRow> Of(GherkinFeature feature) =>
        [.. feature.Pickles.Select((pickle, index) => (ITheoryDataRow)new TheoryDataRow<string, int>(feature.Path, index)
        {
            TestDisplayName = ScenarioNaming.DisplayName(feature, pickle),
            // An empty label keeps xunit from appending the arguments to the display name.
            Label = string.Empty,
            Traits = ScenarioNaming.Traits(feature, pickle),
        })];
}
