using EgressSpecs.Gherkin.Reporting;

namespace EgressSpecs.Gherkin.Comparison;

/// <summary>A previous run's results, by test name, read from its junit.xml.</summary>
/// <param name="Source">The file they were read from.</param>
/// <param name="Results">Each test case's result, by name.</param>
internal sealed record Baseline(string Source, IReadOnlyDictionary<string, BaselineResult> Results);

/// <summary>One scenario's result in the baseline, with its failure message or skip reason.</summary>
internal sealed record BaselineResult(ScenarioResult Result, string? Message);
