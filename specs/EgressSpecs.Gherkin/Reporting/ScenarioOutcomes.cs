using System.Collections.Concurrent;

namespace EgressSpecs.Gherkin.Reporting;

/// <summary>
/// Outcomes of the scenarios xunit ran, collected for the reports. Append-only and thread-safe: scenarios only
/// add to it, none reads another's entry.
/// </summary>
internal static class ScenarioOutcomes
{
    private static readonly ConcurrentQueue<ScenarioOutcome> Outcomes = new();

    public static void Record(ScenarioOutcome outcome) => Outcomes.Enqueue(outcome);

    public static IReadOnlyList<ScenarioOutcome> Snapshot() => [.. Outcomes];

    /// <summary>Forgets earlier outcomes: a test run reports its own scenarios only.</summary>
    public static void Clear() => Outcomes.Clear();
}
