using System.Globalization;
using System.Text;
using EgressSpecs.Gherkin.Comparison;

namespace EgressSpecs.Gherkin.Reporting;

/// <summary>
/// Writes summary.md: what was tested, why the run did not start (when it did not), a row per feature, each failure
/// and each skip reason on one line, and the comparison with the baseline. Markdown that reads well in a terminal
/// too, since scripts print it at the end of a run.
/// </summary>
internal static class SummaryWriter
{
    public const string FileName = "summary.md";

    private const string Dash = " — ";

    public static string Write(string folder, RunReport report)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, FileName);
        File.WriteAllText(path, Render(report));
        return path;
    }

    public static string Render(RunReport report)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"# Scenario summary: {report.Name}").AppendLine();
        AppendHeader(text, report.Header);
        if (report.StartFailure is { } start)
        {
            AppendProblem(text, "The run did not start", start,
                $"Every scenario failed for this reason ({start.ExceptionType}; the failing hook and its stack trace are in the living doc).");
        }

        AppendFeatureTable(text, report.Outcomes);
        if (report.StartFailure is null)
        {
            AppendFailures(text, report.Outcomes);
        }

        AppendSkips(text, report.Outcomes);
        if (report.EndFailure is { } end)
        {
            AppendProblem(text, "The run did not end cleanly", end,
                $"An after-test-run hook failed ({end.ExceptionType}; its stack trace is in the living doc).");
        }

        AppendComparison(text, report);
        return text.ToString();
    }

    private static void AppendHeader(StringBuilder text, IReadOnlyList<KeyValuePair<string, string>> header)
    {
        if (header.Count == 0)
        {
            return;
        }

        foreach (var (label, value) in header)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"- **{label}:** {value}");
        }

        text.AppendLine();
    }

    private static void AppendProblem(StringBuilder text, string heading, RunProblem problem, string consequence)
    {
        text.AppendLine(CultureInfo.InvariantCulture, $"## {heading}").AppendLine();
        foreach (var line in problem.Reason.Split('\n'))
        {
            text.AppendLine(("> " + line.TrimEnd('\r')).TrimEnd());
        }

        text.AppendLine().AppendLine(consequence).AppendLine();
    }

    private static void AppendFeatureTable(StringBuilder text, IReadOnlyList<ScenarioOutcome> outcomes)
    {
        text.AppendLine("| Feature | Passed | Failed | Skipped |");
        text.AppendLine("|---|---:|---:|---:|");
        // Outcomes come in report order, so features appear in the order they are declared.
        foreach (var feature in outcomes.GroupBy(o => o.FeaturePath))
        {
            AppendRow(text, Cell(feature.First().Feature), [.. feature]);
        }

        AppendRow(text, "**Total**", outcomes);
        text.AppendLine();
    }

    private static void AppendFailures(StringBuilder text, IReadOnlyList<ScenarioOutcome> outcomes)
    {
        var failed = outcomes.Where(o => o.Result == ScenarioResult.Failed).ToArray();
        if (failed.Length == 0)
        {
            return;
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"## Failed ({failed.Length})").AppendLine();
        foreach (var outcome in failed)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"- {outcome.Scenario}{Dash}{OneLine.Of(outcome.Message)}");
        }

        text.AppendLine();
    }

    private static void AppendSkips(StringBuilder text, IReadOnlyList<ScenarioOutcome> outcomes)
    {
        var reasons = outcomes
            .Where(o => o.Result == ScenarioResult.Skipped)
            .GroupBy(o => OneLine.Of(o.Message), StringComparer.Ordinal)
            .OrderByDescending(g => g.Count())
            .ToArray();
        if (reasons.Length == 0)
        {
            return;
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"## Skipped ({reasons.Sum(g => g.Count())})").AppendLine();
        foreach (var reason in reasons)
        {
            var count = reason.Count();
            var features = string.Join(", ", reason.Select(o => o.Feature).Distinct(StringComparer.Ordinal));
            var why = reason.Key.Length > 0 ? reason.Key : "no reason given";
            text.AppendLine(CultureInfo.InvariantCulture, $"- {Scenarios(count)} ({features}): {why}");
        }

        text.AppendLine();
    }

    private static void AppendComparison(StringBuilder text, RunReport report)
    {
        if (report.BaselineProblem is null && report.Comparison is null)
        {
            return;
        }

        text.AppendLine("## Compared with the baseline").AppendLine();
        if (report.BaselineProblem is { } problem)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"Not compared: {problem}").AppendLine();
            return;
        }

        var comparison = report.Comparison!;
        text.AppendLine(CultureInfo.InvariantCulture,
            $"Baseline: {comparison.Source} ({Scenarios(comparison.BaselineCount)}; this run: {report.Outcomes.Count}).").AppendLine();
        if (!comparison.HasDifferences)
        {
            text.AppendLine("No differences: every scenario has the result it had in the baseline.").AppendLine();
            return;
        }

        foreach (var (heading, changes) in comparison.Groups.Where(g => g.Changes.Count > 0))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"### {heading} ({changes.Count})").AppendLine();
            foreach (var change in changes)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"- {Describe(change)}");
            }

            text.AppendLine();
        }
    }

    // The group's heading says what changed; the line says what it was (or is, for a new scenario) and why it fails or skips now.
    private static string Describe(ScenarioChange change)
    {
        var state = change.Before is { } before ? $"was {Word(before)}" : Word(change.After ?? ScenarioResult.Passed);
        var line = $"{change.Scenario} ({state})";
        return change.After is ScenarioResult.Failed or ScenarioResult.Skipped && !string.IsNullOrWhiteSpace(change.Message)
            ? line + Dash + OneLine.Of(change.Message)
            : line;
    }

    private static string Word(ScenarioResult result) => result switch
    {
        ScenarioResult.Passed => "passed",
        ScenarioResult.Failed => "failed",
        _ => "skipped",
    };

    private static string Scenarios(int count) => count == 1 ? "1 scenario" : $"{count} scenarios";

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);

    private static void AppendRow(StringBuilder text, string feature, IReadOnlyCollection<ScenarioOutcome> outcomes) =>
        text.AppendLine(CultureInfo.InvariantCulture,
            $"| {feature} | {Count(outcomes, ScenarioResult.Passed)} | {Count(outcomes, ScenarioResult.Failed)} | {Count(outcomes, ScenarioResult.Skipped)} |");

    private static int Count(IEnumerable<ScenarioOutcome> outcomes, ScenarioResult result) => outcomes.Count(o => o.Result == result);
}
