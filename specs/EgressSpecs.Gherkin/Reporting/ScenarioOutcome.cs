namespace EgressSpecs.Gherkin.Reporting;

internal enum ScenarioResult
{
    Passed,
    Failed,
    Skipped,
}

/// <summary>What happened to one scenario (or example row) of a feature.</summary>
internal sealed record ScenarioOutcome(string Feature, string Scenario, ScenarioResult Result);
