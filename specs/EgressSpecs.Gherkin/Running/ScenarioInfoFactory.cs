using System.Collections.Specialized;
using System.Globalization;
using EgressSpecs.Gherkin.Parsing;
using Reqnroll;

namespace EgressSpecs.Gherkin.Running;

/// <summary>Builds the ScenarioInfo and RuleInfo that generated code passes for a pickle.</summary>
internal static class ScenarioInfoFactory
{
    public static ScenarioInfo ScenarioInfo(GherkinFeature feature, int pickleIndex)
    {
        var pickle = feature.Pickles[pickleIndex];
        var node = feature.ScenarioOf(pickle);
        var row = feature.ExampleRowOf(pickle);

        var arguments = new OrderedDictionary();
        if (row is not null)
        {
            for (var column = 0; column < row.Header.Count; column++)
            {
                arguments[row.Header[column]] = row.Values[column];
            }
        }

        string[] ownTags = [.. GherkinFeature.TagNames(node.Scenario.Tags), .. GherkinFeature.TagNames(row?.Examples.Tags ?? [])];
        string[] inheritedTags = [.. feature.FeatureInfo.Tags, .. GherkinFeature.TagNames(node.Rule?.Tags ?? [])];

        // The pickle index lets the formatters find this scenario's pickle in the feature's messages.
        return new ScenarioInfo(
            node.Scenario.Name,
            node.Scenario.Description,
            ownTags,
            arguments,
            inheritedTags,
            pickleIndex.ToString(CultureInfo.InvariantCulture));
    }

    public static RuleInfo? RuleInfo(GherkinFeature feature, int pickleIndex)
    {
        var rule = feature.ScenarioOf(feature.Pickles[pickleIndex]).Rule;
        return rule is null ? null : new RuleInfo(rule.Name, rule.Description, GherkinFeature.TagNames(rule.Tags));
    }
}
