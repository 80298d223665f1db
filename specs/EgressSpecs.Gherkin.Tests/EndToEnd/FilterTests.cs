using EgressSpecs.Gherkin.Tests.Support;
using Xunit;

namespace EgressSpecs.Gherkin.Tests.EndToEnd;

/// <summary>Lists the suite in a child process with the filters a user types, to prove tags are traits.</summary>
public sealed class FilterTests
{
    private static readonly Dictionary<string, string> NoEnvironment = [];

    [Fact]
    public async Task ListTests_FilterTraitCategory_ListsOnlyScenariosWithThatTag()
    {
        // Given
        string[] filter = ["--filter-trait", "Category=smoke"];

        // When
        var listed = await ListAsync(filter);

        // Then
        Assert.Equal(
            ["Basics: Each example row is a scenario of its own [alpha]", "Basics: Each example row is a scenario of its own [beta]"],
            listed);
    }

    [Fact]
    public async Task ListTests_FilterNotTraitCategory_LeavesOutScenariosWithThatTag()
    {
        // Given
        string[] filter = ["--filter-not-trait", "Category=outline"];

        // When
        var listed = await ListAsync(filter);

        // Then
        Assert.Contains("Basics: Hooks run in their order", listed);
        Assert.DoesNotContain(listed, name => name.StartsWith("Basics: Each example row", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ListTests_FilterQueryOnCategoryTrait_ListsOnlyThatScenario()
    {
        // Given
        string[] filter = ["--filter-query", "/[Category=hooks]"];

        // When
        var listed = await ListAsync(filter);

        // Then
        Assert.Equal(["Basics: Hooks run in their order"], listed);
    }

    [Fact]
    public async Task ListTests_FilterTraitFeature_ListsEveryScenarioOfThatFeature()
    {
        // Given
        string[] filter = ["--filter-trait", "Feature=Outcomes"];

        // When
        var listed = await ListAsync(filter);

        // Then
        Assert.Equal(7, listed.Count);
        Assert.All(listed, name => Assert.StartsWith("Outcomes: ", name, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ListTests_FilterTraitScenarioWithWildcard_ListsOnlyThatScenario()
    {
        // Given
        string[] filter = ["--filter-trait", "Scenario=*doc string*"];

        // When
        var listed = await ListAsync(filter);

        // Then
        Assert.Equal(["Basics: A doc string reaches the binding"], listed);
    }

    private static async Task<IReadOnlyList<string>> ListAsync(string[] filter)
    {
        var (exitCode, output) = await TestExecutable.RunAsync(NoEnvironment, ["--list-tests", .. filter]);
        Assert.True(exitCode == 0, output);
        // MTP prints each display name indented on its own line, before the discovery summary; in CI (CI=true) it
        // colours that summary with ANSI escapes, so the summary is found by its words, not its first characters.
        return [.. output.Split('\n')
            .Select(line => line.TrimEnd('\r'))
            .TakeWhile(line => !line.Contains("Test discovery summary", StringComparison.Ordinal))
            .Where(line => line.StartsWith("  ", StringComparison.Ordinal) && !line.StartsWith("   ", StringComparison.Ordinal))
            .Select(line => line.Trim())];
    }
}
