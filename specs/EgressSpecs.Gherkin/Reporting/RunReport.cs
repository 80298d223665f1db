using EgressSpecs.Gherkin.Comparison;
using EgressSpecs.Gherkin.Ordering;

namespace EgressSpecs.Gherkin.Reporting;

/// <summary>Everything the end-of-run reports (summary.md, junit.xml) say about one test run.</summary>
/// <param name="Name">The run's name (<see cref="RunDescription.Name"/>).</param>
/// <param name="Header">What was tested (<see cref="RunDescription.Entries"/>).</param>
/// <param name="StartedAt">When the run started.</param>
/// <param name="Duration">How long it ran.</param>
/// <param name="Outcomes">The scenarios' outcomes in report order (see <see cref="InReportOrder"/>).</param>
internal sealed record RunReport(
    string Name,
    IReadOnlyList<KeyValuePair<string, string>> Header,
    DateTimeOffset StartedAt,
    TimeSpan Duration,
    IReadOnlyList<ScenarioOutcome> Outcomes)
{
    /// <summary>Why the run did not start (a before-test-run hook threw), or null.</summary>
    public RunProblem? StartFailure { get; init; }

    /// <summary>Why the run did not end cleanly (an after-test-run hook threw), or null.</summary>
    public RunProblem? EndFailure { get; init; }

    /// <summary>How the run differs from <c>EGRESS_SPECS_BASELINE</c>, when one was given and read.</summary>
    public BaselineComparison? Comparison { get; init; }

    /// <summary>Why the baseline given could not be read, or null.</summary>
    public string? BaselineProblem { get; init; }

    /// <summary>Features in their declared order (then by path), each feature's scenarios as its file reads.</summary>
    public static IReadOnlyList<ScenarioOutcome> InReportOrder(IEnumerable<ScenarioOutcome> outcomes, FeatureOrder order) =>
        [.. outcomes
            .OrderBy(o => o.FeaturePath, order.PathComparer)
            .ThenBy(o => o.PickleIndex)
            .ThenBy(o => o.Scenario, StringComparer.Ordinal)];
}

/// <summary>A hook failure that concerns the whole run: the reason in words, the exception's type, its full text.</summary>
internal sealed record RunProblem(string Reason, string ExceptionType, string Details)
{
    public static RunProblem From(Exception exception) =>
        new(exception.Message.Trim(), exception.GetType().Name, exception.ToString());
}
