using EgressSpecs.Gherkin.Parsing;
using Io.Cucumber.Messages.Types;

namespace EgressSpecs.Gherkin.Discovery;

/// <summary>How a pickle shows up in xunit: its display name and the traits filters select on.</summary>
internal static class ScenarioNaming
{
    public const string CategoryTrait = "Category";
    public const string FeatureTrait = "Feature";
    public const string RuleTrait = "Rule";

    /// <summary>"Feature title: Scenario name [example values]", on one line.</summary>
    public static string DisplayName(GherkinFeature feature, Pickle pickle)
    {
        var name = $"{feature.Title}: {pickle.Name}";
        var display = feature.ExampleRowOf(pickle) is { } row ? $"{name} [{string.Join(", ", row.Values)}]" : name;
        // Example cells may hold line breaks (Gherkin's \n escape); test lists, consoles and JUnit readers expect one line.
        return display.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
    }

    public static Dictionary<string, HashSet<string>> Traits(GherkinFeature feature, Pickle pickle)
    {
        var traits = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal)
        {
            [FeatureTrait] = [feature.Title],
        };
        // Pickle tags already include the feature's, the rule's and the Examples' tags.
        var categories = pickle.Tags.Select(t => t.Name.TrimStart('@').ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
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
