using EgressSpecs.Gherkin.Comparison;
using EgressSpecs.Gherkin.Reporting;
using Xunit;
using static EgressSpecs.Gherkin.Tests.Reporting.Outcomes;

namespace EgressSpecs.Gherkin.Tests.Comparison;

public sealed class BaselineComparisonTests
{
    private static Baseline BaselineOf(params (string Name, ScenarioResult Result)[] results) =>
        new("junit.xml", results.ToDictionary(r => r.Name, r => new BaselineResult(r.Result, null)));

    [Fact]
    public void Compare_SameResults_HasNoDifferences()
    {
        // Given
        var baseline = BaselineOf(("Policy: A", ScenarioResult.Passed), ("Policy: B", ScenarioResult.Skipped));

        // When
        var comparison = BaselineComparison.Compare(baseline, [Passed("Policy", "A"), Skipped("Policy", "B", "no mesh", 1)]);

        // Then
        Assert.False(comparison.HasDifferences);
    }

    [Theory]
    [InlineData("Passed", "Failed", "Newly failing")]
    [InlineData("Skipped", "Failed", "Newly failing")]
    [InlineData("Passed", "Skipped", "Newly skipped")]
    [InlineData("Failed", "Skipped", "Newly skipped")]
    [InlineData("Failed", "Passed", "Newly passing")]
    [InlineData("Skipped", "Passed", "Newly passing")]
    public void Compare_ResultChanged_PutsTheScenarioInTheGroupOfItsNewResult(string was, string @is, string group)
    {
        // Given
        var (before, now) = (Enum.Parse<ScenarioResult>(was), Enum.Parse<ScenarioResult>(@is));
        var baseline = BaselineOf(("Policy: A", before));
        var outcome = Passed("Policy", "A") with { Result = now, Message = now == ScenarioResult.Passed ? null : "why" };

        // When
        var comparison = BaselineComparison.Compare(baseline, [outcome]);

        // Then
        var changed = Assert.Single(comparison.Groups, g => g.Changes.Count > 0);
        Assert.Equal(group, changed.Heading);
        Assert.Equal(new ScenarioChange("Policy: A", before, now, outcome.Message), Assert.Single(changed.Changes));
    }

    [Fact]
    public void Compare_ScenariosOnOneSideOnly_AreNewOrGone()
    {
        // Given
        var baseline = BaselineOf(("Policy: Removed", ScenarioResult.Failed));

        // When
        var comparison = BaselineComparison.Compare(baseline, [Passed("Policy", "Added")]);

        // Then
        Assert.Equal([new ScenarioChange("Policy: Added", null, ScenarioResult.Passed, null)], comparison.New);
        Assert.Equal([new ScenarioChange("Policy: Removed", ScenarioResult.Failed, null, null)], comparison.Gone);
    }

    [Fact]
    public void Groups_AnyComparison_ListRegressionsFirst()
    {
        // Given
        var comparison = BaselineComparison.Compare(BaselineOf(), []);

        // When
        var headings = comparison.Groups.Select(g => g.Heading);

        // Then
        Assert.Equal(
            ["Newly failing", "Newly skipped", "Gone (in the baseline, not in this run)", "Newly passing", "New (not in the baseline)"],
            headings);
    }
}
