using System.Text.RegularExpressions;
using System.Xml.Linq;
using EgressSpecs.Gherkin.Reporting;
using EgressSpecs.Gherkin.Tests.Reporting;
using Xunit;

namespace EgressSpecs.Gherkin.Tests.EndToEnd;

/// <summary>
/// Runs the sample features in a child process and checks every report it leaves behind: summary.md, junit.xml,
/// Reqnroll's html living doc, and the console. The report folder holds an earlier run's junit.xml, which is also
/// the baseline: the run must read it before it replaces it.
/// </summary>
public sealed class ReportRunTests(ReportRunTests.RunWithBaseline run) : IClassFixture<ReportRunTests.RunWithBaseline>
{
    /// <summary>Given the earlier run, where the failing step still passed and the passing scenario failed.</summary>
    public sealed class RunWithBaseline : SampleRun
    {
        protected override void Prepare() =>
            JunitWriter.Write(ReportDirectory, Outcomes.Report(
                Outcomes.Failed("Outcomes", "A passing scenario", "it was broken"),
                Outcomes.Passed("Outcomes", "A failing step"),
                Outcomes.Passed("Outcomes", "A scenario since removed")));

        protected override IReadOnlyDictionary<string, string> Environment() =>
            new Dictionary<string, string> { ["EGRESS_SPECS_BASELINE"] = ReportDirectory };
    }

    [Fact]
    public void Run_FailingScenarios_ExitNonZero() =>
        Assert.True(run.ExitCode != 0, $"Failing scenarios must fail the run.{Environment.NewLine}{run.Output}");

    [Fact]
    public void SummaryMd_SampleRunWithBaseline_HasHeaderRowsInDeclaredOrderFailuresSkipsAndTheComparison()
    {
        // Given: the run above, compared with its own folder's earlier junit.xml.
        var baseline = run.Report("junit.xml");

        // When
        var summary = run.ReadReport("summary.md");

        // Then
        Assert.Equal(
            $"""
            # Scenario summary: sample

            - **Target:** sample
            - **Commit:** 0123abc

            | Feature | Passed | Failed | Skipped |
            |---|---:|---:|---:|
            | Outcomes | 2 | 2 | 3 |
            | Basics | 6 | 0 | 0 |
            | **Total** | 8 | 2 | 3 |

            ## Failed (2)

            - Outcomes: A failing step — the proxy answered 502
            - Outcomes: An undefined step — Test pending: No matching step definition found for one or more steps.

            ## Skipped (3)

            - 2 scenarios (Outcomes): the k3s target is not available
            - 1 scenario (Outcomes): the cluster target is not configured

            ## Compared with the baseline

            Baseline: {baseline} (3 scenarios; this run: 13).

            ### Newly failing (1)

            - Outcomes: A failing step (was passed) — the proxy answered 502

            ### Gone (in the baseline, not in this run) (1)

            - Outcomes: A scenario since removed (was passed)

            ### Newly passing (1)

            - Outcomes: A passing scenario (was failed)

            ### New (not in the baseline) (11)

            - Outcomes: An undefined step (failed) — Test pending: No matching step definition found for one or more steps.
            - Outcomes: A skipping step (skipped) — the k3s target is not available
            - Outcomes: A hook skips (skipped) — the cluster target is not configured
            - Outcomes: Another step skips for the same reason (skipped) — the k3s target is not available
            - Outcomes: A labelled row is named after its label [one] (passed)
            - Basics: Background steps run before the scenario (passed)
            - Basics: A doc string reaches the binding (passed)
            - Basics: A data table reaches the binding (passed)
            - Basics: Hooks run in their order (passed)
            - Basics: Each example row is a scenario of its own [alpha] (passed)
            - Basics: Each example row is a scenario of its own [beta] (passed)


            """.ReplaceLineEndings(),
            summary);
    }

    [Fact]
    public void JunitXml_SampleRun_IsNamedAfterTheRunWithTagsAsProperties()
    {
        // Given
        var path = run.Report("junit.xml");

        // When
        var suite = XDocument.Load(path).Descendants("testsuite").Single();

        // Then
        Assert.Equal(("sample", "13", "2", "3"), ((string?)suite.Attribute("name"), (string?)suite.Attribute("tests"), (string?)suite.Attribute("failures"), (string?)suite.Attribute("skipped")));
        var row = suite.Elements("testcase").Single(c => (string?)c.Attribute("name") == "Basics: Each example row is a scenario of its own [alpha]");
        Assert.Equal(
            ["tag=sample", "tag=outline", "tag=smoke", "feature=Basics", "feature-file=Features/Basics.feature", "rule=The rule's background runs after the feature's"],
            row.Descendants("property").Select(p => $"{p.Attribute("name")!.Value}={p.Attribute("value")!.Value}"));
        Assert.Equal(
            "the cluster target is not configured",
            (string?)suite.Elements("testcase").Single(c => (string?)c.Attribute("name") == "Outcomes: A hook skips").Element("skipped")!.Attribute("message"));
    }

    [Fact]
    public void LivingDoc_SampleRun_ListsFeaturesInDeclaredOrderWithTheHeaderRowLabelsAndPlainSkipReasons()
    {
        // Given
        var path = run.Report("living-doc.html");

        // When
        var html = File.ReadAllText(path);

        // Then
        // The report sorts features by uri: each carries its declared position.
        Assert.Contains("\"uri\":\"01 Features/Outcomes.feature\"", html, StringComparison.Ordinal);
        Assert.Contains("\"uri\":\"02 Features/Basics.feature\"", html, StringComparison.Ordinal);
        Assert.Contains("Living documentation: sample", html, StringComparison.Ordinal);
        Assert.Contains("[\"Commit\",\"0123abc\"]", html, StringComparison.Ordinal);
        Assert.Contains("A labelled row is named after its label [one]", html, StringComparison.Ordinal);
        Assert.Contains("\"message\":\"the cluster target is not configured\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("XunitDynamicSkip", html, StringComparison.Ordinal);
        Assert.DoesNotContain("\"type\":\"SkipException\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Console_SampleRun_ShowsSkipsWithoutStepOutputAndFailuresWithTheirOwnFramesOnly()
    {
        // Given
        var output = run.Output;

        // When: the hook's skip is printed
        var hookSkip = Regex.Match(output, @"skipped Outcomes: A hook skips[^\n]*\n(?<block>(  [^\n]*\n)*)");

        // Then: two lines, the name and the reason; its steps, which never ran, say nothing.
        Assert.Equal("  the cluster target is not configured\n", hookSkip.Groups["block"].Value.Replace("\r", string.Empty, StringComparison.Ordinal));
        Assert.DoesNotContain("never written", output, StringComparison.Ordinal);
        // Only the failing step's scenario, which had an error, says later steps were skipped because of it.
        Assert.Single(Regex.Matches(output, "skipped because of previous errors"));
        // The failing step is located by its own frame; no runtime or adapter frame follows it.
        Assert.Contains("at EgressSpecs.Gherkin.Tests.StepDefinitions.OutcomeSteps.StepFails(String message)", output, StringComparison.Ordinal);
        Assert.DoesNotContain("at Reqnroll.", output, StringComparison.Ordinal);
        Assert.DoesNotContain("at EgressSpecs.Gherkin.Running.", output, StringComparison.Ordinal);
        Assert.DoesNotContain("ScenarioFailedException", output, StringComparison.Ordinal);
    }
}
