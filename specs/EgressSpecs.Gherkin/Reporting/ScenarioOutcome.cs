namespace EgressSpecs.Gherkin.Reporting;

internal enum ScenarioResult
{
    Passed,
    Failed,
    Skipped,
}

/// <summary>What happened to one scenario (or example row) of a feature.</summary>
/// <param name="FeaturePath">The feature file's path relative to the test output folder.</param>
/// <param name="Feature">The feature's title.</param>
/// <param name="Scenario">The test's display name, "Feature title: Scenario name [example values]".</param>
/// <param name="Result">Passed, failed or skipped.</param>
internal sealed record ScenarioOutcome(string FeaturePath, string Feature, string Scenario, ScenarioResult Result)
{
    /// <summary>The pickle's position in its feature: the order the feature file reads.</summary>
    public int PickleIndex { get; init; }

    public string? Rule { get; init; }

    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>A failure's message, or a skip's reason.</summary>
    public string? Message { get; init; }

    /// <summary>A failure's exception type.</summary>
    public string? FailureType { get; init; }

    /// <summary>A failure's whole story for the reports: exception type, message and full stack trace.</summary>
    public string? Details { get; init; }

    /// <summary>What the steps and hooks wrote (empty for a skipped scenario, whose steps did not run).</summary>
    public string Output { get; init; } = string.Empty;

    public TimeSpan Duration { get; init; }
}
