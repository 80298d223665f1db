using System.Globalization;
using System.Text;

namespace EgressSpecs.Gherkin.Reporting;

/// <summary>Writes the per-feature summary of a run as Markdown that reads well in a terminal too.</summary>
internal static class SummaryWriter
{
    public const string FileName = "summary.md";

    public static string Write(string folder, IReadOnlyCollection<ScenarioOutcome> outcomes)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, FileName);
        File.WriteAllText(path, Render(outcomes));
        return path;
    }

    public static string Render(IReadOnlyCollection<ScenarioOutcome> outcomes)
    {
        var text = new StringBuilder();
        text.AppendLine("# Scenario summary").AppendLine();
        text.AppendLine("| Feature | Passed | Failed | Skipped |");
        text.AppendLine("|---|---:|---:|---:|");
        foreach (var feature in outcomes.GroupBy(o => o.Feature).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            AppendRow(text, feature.Key, [.. feature]);
        }

        AppendRow(text, "**Total**", outcomes);

        var failed = outcomes.Where(o => o.Result == ScenarioResult.Failed).ToArray();
        if (failed.Length > 0)
        {
            text.AppendLine().AppendLine("## Failed scenarios").AppendLine();
            foreach (var outcome in failed.OrderBy(o => o.Feature, StringComparer.Ordinal).ThenBy(o => o.Scenario, StringComparer.Ordinal))
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"- {outcome.Scenario}");
            }
        }

        return text.ToString();
    }

    private static void AppendRow(StringBuilder text, string feature, IReadOnlyCollection<ScenarioOutcome> outcomes) =>
        text.AppendLine(CultureInfo.InvariantCulture,
            $"| {feature} | {Count(outcomes, ScenarioResult.Passed)} | {Count(outcomes, ScenarioResult.Failed)} | {Count(outcomes, ScenarioResult.Skipped)} |");

    private static int Count(IEnumerable<ScenarioOutcome> outcomes, ScenarioResult result) => outcomes.Count(o => o.Result == result);
}
