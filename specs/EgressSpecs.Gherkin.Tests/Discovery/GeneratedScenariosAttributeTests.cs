using EgressSpecs.Gherkin.Tests.Generated;
using Xunit;

namespace EgressSpecs.Gherkin.Tests.Discovery;

public sealed class GeneratedScenariosAttributeTests
{
    private static readonly System.Reflection.MethodInfo Method = typeof(GeneratedSampleFeature).GetMethod(nameof(GeneratedSampleFeature.Scenario))!;

    [Fact]
    public async Task GetData_GeneratedFeature_YieldsOneNamedRowPerScenarioWithItsPathAndIndex()
    {
        // Given
        var attribute = new GeneratedScenariosAttribute(typeof(GeneratedSampleFeature.Source));

        // When
        var rows = await attribute.GetData(Method, new());

        // Then
        Assert.Equal(
            ["Generated sample: The journal notes alpha", "Generated sample: The journal notes beta"],
            rows.Select(row => row.TestDisplayName));
        Assert.Equal([[GeneratedSampleFeature.Source.Path, 0], [GeneratedSampleFeature.Source.Path, 1]], rows.Select(row => row.GetData()));
    }

    [Fact]
    public async Task GetData_GeneratedFeature_HasTheScenarioTagsRuleAndFeatureAsTraits()
    {
        // Given
        var attribute = new GeneratedScenariosAttribute(typeof(GeneratedSampleFeature.Source));

        // When
        var rows = await attribute.GetData(Method, new());

        // Then
        var traits = rows.First().Traits!;
        Assert.Equal(["generated", "word-alpha"], traits["Category"].Order());
        Assert.Equal(["Generated sample"], traits["Feature"]);
        Assert.Equal(["Each word is noted"], traits["Rule"]);
    }

    [Fact]
    public async Task GetData_SourceWithoutParameterlessConstructor_SaysWhatASourceNeeds()
    {
        // Given
        var attribute = new GeneratedScenariosAttribute(typeof(string));

        // When
        var exception = await Record.ExceptionAsync(async () => await attribute.GetData(Method, new()));

        // Then
        var argument = Assert.IsType<ArgumentException>(exception);
        Assert.Contains("must implement IFeatureSource and have a parameterless constructor", argument.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetData_AnotherTextUnderAPathAlreadyGenerated_Throws()
    {
        // Given
        await new GeneratedScenariosAttribute(typeof(GeneratedSampleFeature.Source)).GetData(Method, new());
        var attribute = new GeneratedScenariosAttribute(typeof(SamePathOtherText));

        // When
        var exception = await Record.ExceptionAsync(async () => await attribute.GetData(Method, new()));

        // Then
        Assert.IsType<InvalidOperationException>(exception);
    }

    [Fact]
    public async Task GetData_FeatureWithoutScenarios_AsksForAPlaceholderWithASkipReason()
    {
        // Given
        var attribute = new GeneratedScenariosAttribute(typeof(NoScenarios));

        // When
        var exception = await Record.ExceptionAsync(async () => await attribute.GetData(Method, new()));

        // Then
        var invalid = Assert.IsType<InvalidOperationException>(exception);
        Assert.Contains("has no scenario: generate one placeholder scenario with a SkipReason", invalid.Message, StringComparison.Ordinal);
    }

    private sealed class NoScenarios : IFeatureSource
    {
        public GeneratedFeature Generate() => new("Generated/Empty.feature", "Feature: Empty\n");
    }

    private sealed class SamePathOtherText : IFeatureSource
    {
        public GeneratedFeature Generate() => new(GeneratedSampleFeature.Source.Path, "Feature: Other\n  Scenario: Other\n");
    }
}
