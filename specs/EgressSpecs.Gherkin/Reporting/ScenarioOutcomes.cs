using System.Collections.Concurrent;

namespace EgressSpecs.Gherkin.Reporting;

/// <summary>
/// Outcomes of the scenarios xunit ran, collected for <c>summary.md</c>. Append-only and thread-safe:
/// scenarios only add to it, none reads another's entry.
/// </summary>
internal static class ScenarioOutcomes
{
    private static readonly ConcurrentQueue<ScenarioOutcome> Outcomes = new();

    public static void Record(ScenarioOutcome outcome) => Outcomes.Enqueue(outcome);

    public static IReadOnlyList<ScenarioOutcome> Snapshot() => [.. Outcomes];
}
