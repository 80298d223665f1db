using Xunit;

namespace EgressSpecs.Gherkin.Tests.Discovery;

public sealed class ScenariosAttributeTests
{
    private const string BasicsPath = "Features/Basics.feature";

    [Fact]
    public async Task GetData_FeatureWithOutline_YieldsOneNamedRowPerScenarioAndExampleRow()
    {
        // Given
        var attribute = new ScenariosAttribute(BasicsPath);

        // When
        var rows = await attribute.GetData(typeof(BasicsFeature).GetMethod(nameof(BasicsFeature.Scenario))!, new());

        // Then
        Assert.Equal(
            [
                "Basics: Background steps run before the scenario",
                "Basics: A doc string reaches the binding",
                "Basics: A data table reaches the binding",
                "Basics: Hooks run in their order",
                "Basics: Each example row is a scenario of its own [alpha]",
                "Basics: Each example row is a scenario of its own [beta]",
            ],
            rows.Select(r => r.TestDisplayName));
    }

    [Fact]
    public async Task GetData_AnyRow_HasSerializableArgumentsAndAnEmptyLabel()
    {
        // Given
        var attribute = new ScenariosAttribute(BasicsPath);

        // When
        var rows = await attribute.GetData(typeof(BasicsFeature).GetMethod(nameof(BasicsFeature.Scenario))!, new());

        // Then
        Assert.All(rows.Select((row, index) => (row, index)), item =>
        {
            Assert.Equal([BasicsPath, item.index], item.row.GetData());
            Assert.Equal(string.Empty, item.row.Label);
        });
    }

    [Fact]
    public async Task GetData_ExampleRowInsideARule_HasEveryInheritedTagAsCategoryAndTheRuleAndFeatureAsTraits()
    {
        // Given
        var attribute = new ScenariosAttribute(BasicsPath);

        // When
        var rows = await attribute.GetData(typeof(BasicsFeature).GetMethod(nameof(BasicsFeature.Scenario))!, new());

        // Then
        var traits = rows.Single(r => r.TestDisplayName!.EndsWith("[alpha]", StringComparison.Ordinal)).Traits!;
        Assert.Equal(["outline", "sample", "smoke"], traits["Category"].Order());
        Assert.Equal(["Basics"], traits["Feature"]);
        Assert.Equal(["The rule's background runs after the feature's"], traits["Rule"]);
    }

    [Fact]
    public async Task GetData_ExampleRow_HasItsOwnNameAsScenarioTrait()
    {
        // Given
        var attribute = new ScenariosAttribute(BasicsPath);

        // When
        var rows = await attribute.GetData(typeof(BasicsFeature).GetMethod(nameof(BasicsFeature.Scenario))!, new());

        // Then
        var traits = rows.Single(r => r.TestDisplayName!.EndsWith("[beta]", StringComparison.Ordinal)).Traits!;
        Assert.Equal(["Each example row is a scenario of its own [beta]"], traits["Scenario"]);
    }

    [Fact]
    public async Task GetData_ScenarioOutsideARule_HasNoRuleTrait()
    {
        // Given
        var attribute = new ScenariosAttribute(BasicsPath);

        // When
        var rows = await attribute.GetData(typeof(BasicsFeature).GetMethod(nameof(BasicsFeature.Scenario))!, new());

        // Then
        var traits = rows.Single(r => r.TestDisplayName == "Basics: Hooks run in their order").Traits!;
        Assert.Equal(["hooks", "sample"], traits["Category"].Order());
        Assert.False(traits.ContainsKey("Rule"));
    }

    [Fact]
    public async Task GetData_FeatureNotInOutputFolder_SaysHowToCopyFeatureFiles()
    {
        // Given
        var attribute = new ScenariosAttribute("Features/Missing.feature");

        // When
        var exception = await Record.ExceptionAsync(async () => await attribute.GetData(typeof(BasicsFeature).GetMethod(nameof(BasicsFeature.Scenario))!, new()));

        // Then
        var missing = Assert.IsType<FileNotFoundException>(exception);
        Assert.Contains("CopyToOutputDirectory", missing.Message, StringComparison.Ordinal);
    }
}
