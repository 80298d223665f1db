using System.Text.RegularExpressions;
using System.Xml.Linq;
using EgressSpecs.Gherkin.Running;
using EgressSpecs.Gherkin.Tests.StepDefinitions;
using Xunit;

namespace EgressSpecs.Gherkin.Tests.EndToEnd;

/// <summary>
/// A before-test-run hook that throws, as a target that cannot start does: the run fails as a whole, says why once,
/// and every scenario fails with one line pointing at the reason.
/// </summary>
public sealed class RunStartFailureTests(RunStartFailureTests.RunThatCannotStart run) : IClassFixture<RunStartFailureTests.RunThatCannotStart>
{
    /// <summary>Given a run whose start fails with a reason of two lines.</summary>
    public sealed class RunThatCannotStart : SampleRun
    {
        protected override IReadOnlyDictionary<string, string> Environment() => new Dictionary<string, string>
        {
            [RunHooks.FailRunStartVariable] = "The sample target cannot start: no Docker engine answers.\nInstall or start Docker, or run EGRESS_SPECS_TARGET=local.",
        };
    }

    [Fact]
    public void Run_StartFails_ExitsNonZero() => Assert.True(run.ExitCode != 0, run.Output);

    [Fact]
    public void Console_StartFails_ShowsTheReasonOnceAndOneLinePerOtherScenarioWithoutStackTraces()
    {
        // Given
        var output = run.Output;

        // When
        var reasons = Regex.Matches(output, "no Docker engine answers").Count;
        var pointers = Regex.Matches(output, Regex.Escape(RunStart.PointerMessage)).Count;

        // Then
        Assert.Equal((1, 12), (reasons, pointers));
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }

    [Fact]
    public void SummaryMd_StartFails_StatesTheReasonAndCountsEveryScenarioAsFailed()
    {
        // Given
        var path = run.Report("summary.md");

        // When
        var summary = File.ReadAllText(path);

        // Then
        Assert.Contains(
            """
            ## The run did not start

            > The sample target cannot start: no Docker engine answers.
            > Install or start Docker, or run EGRESS_SPECS_TARGET=local.

            Every scenario failed for this reason (InvalidOperationException; the failing hook and its stack trace are in the living doc).
            """.ReplaceLineEndings(),
            summary,
            StringComparison.Ordinal);
        Assert.Contains("| **Total** | 0 | 13 | 0 |", summary, StringComparison.Ordinal);
    }

    [Fact]
    public void OtherReports_StartFails_CarryTheReasonToo()
    {
        // Given
        var (junit, html) = (run.Report("junit.xml"), run.Report("living-doc.html"));

        // When
        var failures = (string?)XDocument.Load(junit).Descendants("testsuite").Single().Attribute("failures");

        // Then
        Assert.Equal("13", failures);
        Assert.Contains("The test run did not start: The sample target cannot start", File.ReadAllText(html), StringComparison.Ordinal);
    }
}
