using EgressSpecs.Gherkin.Reporting;

namespace EgressSpecs.Gherkin.Comparison;

/// <summary>
/// How a run differs from its baseline, scenario by scenario. The comparison is information: it never changes the
/// run's own outcome or exit code.
/// </summary>
internal sealed record BaselineComparison(
    string Source,
    int BaselineCount,
    IReadOnlyList<ScenarioChange> NewlyFailing,
    IReadOnlyList<ScenarioChange> NewlySkipped,
    IReadOnlyList<ScenarioChange> Gone,
    IReadOnlyList<ScenarioChange> NewlyPassing,
    IReadOnlyList<ScenarioChange> New)
{
    public bool HasDifferences =>
        NewlyFailing.Count + NewlySkipped.Count + Gone.Count + NewlyPassing.Count + New.Count > 0;

    /// <summary>The groups of changes, regressions first, each with its heading.</summary>
    public IEnumerable<(string Heading, IReadOnlyList<ScenarioChange> Changes)> Groups =>
    [
        ("Newly failing", NewlyFailing),
        ("Newly skipped", NewlySkipped),
        ("Gone (in the baseline, not in this run)", Gone),
        ("Newly passing", NewlyPassing),
        ("New (not in the baseline)", New),
    ];

    /// <summary>Compares this run's outcomes (in report order) with the baseline.</summary>
    public static BaselineComparison Compare(Baseline baseline, IReadOnlyList<ScenarioOutcome> outcomes)
    {
        List<ScenarioChange> failing = [], skipped = [], passing = [], added = [];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var outcome in outcomes)
        {
            if (!seen.Add(outcome.Scenario))
            {
                continue;
            }

            if (!baseline.Results.TryGetValue(outcome.Scenario, out var before))
            {
                added.Add(new ScenarioChange(outcome.Scenario, null, outcome.Result, outcome.Message));
                continue;
            }

            var change = new ScenarioChange(outcome.Scenario, before.Result, outcome.Result, outcome.Message);
            if (before.Result == outcome.Result)
            {
                continue;
            }

            (outcome.Result switch
            {
                ScenarioResult.Failed => failing,
                ScenarioResult.Skipped => skipped,
                _ => passing,
            }).Add(change);
        }

        var gone = baseline.Results
            .Where(entry => !seen.Contains(entry.Key))
            .Select(entry => new ScenarioChange(entry.Key, entry.Value.Result, null, null))
            .ToArray();
        return new BaselineComparison(baseline.Source, baseline.Results.Count, failing, skipped, gone, passing, added);
    }
}

/// <summary>
/// One scenario whose result changed: <c>Before</c> is null for a new scenario, <c>After</c> for a gone one;
/// <c>Message</c> is this run's failure message or skip reason.
/// </summary>
internal sealed record ScenarioChange(string Scenario, ScenarioResult? Before, ScenarioResult? After, string? Message);
