using EgressSpecs.Gherkin.Reporting;

namespace EgressSpecs.Gherkin.Tests.Reporting;

/// <summary>Outcomes and run reports as the adapter records them, for the writers' tests.</summary>
internal static class Outcomes
{
    public static readonly DateTimeOffset StartedAt = new(2026, 11, 29, 21, 0, 0, TimeSpan.Zero);

    public static ScenarioOutcome Passed(string feature, string scenario, int pickle = 0) =>
        new($"Features/{feature}.feature", feature, $"{feature}: {scenario}", ScenarioResult.Passed) { PickleIndex = pickle };

    public static ScenarioOutcome Failed(string feature, string scenario, string message, int pickle = 0) =>
        Passed(feature, scenario, pickle) with { Result = ScenarioResult.Failed, Message = message };

    public static ScenarioOutcome Skipped(string feature, string scenario, string reason, int pickle = 0) =>
        Passed(feature, scenario, pickle) with { Result = ScenarioResult.Skipped, Message = reason };

    public static RunReport Report(params ScenarioOutcome[] outcomes) =>
        new("local", [new("Target", "local"), new("Proxy", "ours")], StartedAt, TimeSpan.FromSeconds(12.5), outcomes);
}
