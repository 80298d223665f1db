using EgressSpecs.Gherkin.Parsing;
using Io.Cucumber.Messages.Types;

namespace EgressSpecs.Gherkin.Discovery;

/// <summary>How a pickle shows up in xunit and in the reports: its names and the traits filters select on.</summary>
internal static class ScenarioNaming
{
    public const string CategoryTrait = "Category";
    public const string FeatureTrait = "Feature";
    public const string RuleTrait = "Rule";

    /// <summary>The scenario's own name (<see cref="ScenarioName"/>): one scenario is selected by it, xunit having no filter on display names.</summary>
    public const string ScenarioTrait = "Scenario";

    /// <summary>"Feature title: Scenario name [example values]", on one line.</summary>
    public static string DisplayName(GherkinFeature feature, Pickle pickle) => $"{feature.Title}: {ScenarioName(feature, pickle)}";

    /// <summary>
    /// The scenario's name as the pickle has it (an outline's placeholders filled in from its row), followed by the
    /// row's values that the name does not show already: an outline that names each row with a label column
    /// ("&lt;form&gt; is refused") reads as that label, and rows stay told apart when the name shows nothing of them.
    /// </summary>
    public static string ScenarioName(GherkinFeature feature, Pickle pickle)
    {
        var name = pickle.Name;
        if (feature.ExampleRowOf(pickle) is { } row)
        {
            var template = feature.ScenarioOf(pickle).Scenario.Name;
            var unseen = row.Header
                .Select((column, index) => (Column: column, Value: row.Values[index]))
                .Where(cell => !template.Contains($"<{cell.Column}>", StringComparison.Ordinal))
                .Select(cell => cell.Value)
                .ToArray();
            if (unseen.Length > 0)
            {
                name = $"{name} [{string.Join(", ", unseen)}]";
            }
        }

        // Example cells may hold line breaks (Gherkin's \n escape); test lists, consoles and JUnit readers expect one line.
        return name.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
    }

    /// <summary>Every tag of the pickle (the feature's, the rule's and the Examples' included), without '@', lowercase.</summary>
    public static IReadOnlyList<string> Tags(Pickle pickle) =>
        [.. pickle.Tags.Select(t => t.Name.TrimStart('@').ToLowerInvariant()).Distinct(StringComparer.Ordinal)];

    public static Dictionary<string, HashSet<string>> Traits(GherkinFeature feature, Pickle pickle)
    {
        var traits = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal)
        {
            [FeatureTrait] = [feature.Title],
            [ScenarioTrait] = [ScenarioName(feature, pickle)],
        };
        var categories = Tags(pickle).ToHashSet(StringComparer.Ordinal);
        if (categories.Count > 0)
        {
            traits[CategoryTrait] = categories;
        }

        if (feature.ScenarioOf(pickle).Rule is { } rule)
        {
            traits[RuleTrait] = [rule.Name];
        }

        return traits;
    }
}
