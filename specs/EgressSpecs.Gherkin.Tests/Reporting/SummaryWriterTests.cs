using EgressSpecs.Gherkin.Comparison;
using EgressSpecs.Gherkin.Reporting;
using Xunit;
using static EgressSpecs.Gherkin.Tests.Reporting.Outcomes;

namespace EgressSpecs.Gherkin.Tests.Reporting;

public sealed class SummaryWriterTests
{
    [Fact]
    public void Render_OutcomesOfTwoFeatures_ShowsTheHeaderARowPerFeatureInReportOrderFailuresAndGroupedSkips()
    {
        // Given
        var report = Report(
            Passed("Forwarding", "Path is kept"),
            Failed("Forwarding", "Body is streamed [10 MB]", "Assert.Equal() Failure: Values differ\nExpected: 200\nActual:   502", pickle: 1),
            Skipped("Observability", "Linkerd metrics", "MeshMutualTls is not available on the 'local' target"),
            Skipped("Safe failure", "Unmeshed pod is refused", "MeshMutualTls is not available on the 'local' target"),
            Skipped("Safe failure", "Direct call is blocked", "UnmeshedApp is not available on the 'local' target", pickle: 1));

        // When
        var markdown = SummaryWriter.Render(report);

        // Then
        Assert.Equal(
            """
            # Scenario summary: local

            - **Target:** local
            - **Proxy:** ours

            | Feature | Passed | Failed | Skipped |
            |---|---:|---:|---:|
            | Forwarding | 1 | 1 | 0 |
            | Observability | 0 | 0 | 1 |
            | Safe failure | 0 | 0 | 2 |
            | **Total** | 1 | 1 | 3 |

            ## Failed (1)

            - Forwarding: Body is streamed [10 MB] — Assert.Equal() Failure: Values differ / Expected: 200 / Actual: 502

            ## Skipped (3)

            - 2 scenarios (Observability, Safe failure): MeshMutualTls is not available on the 'local' target
            - 1 scenario (Safe failure): UnmeshedApp is not available on the 'local' target


            """.ReplaceLineEndings(),
            markdown);
    }

    [Fact]
    public void Render_RunDidNotStart_StatesTheReasonOnceAndListsNoFailureOneByOne()
    {
        // Given
        var reason = "Docker is not available.\nInstall or start Docker, or run EGRESS_SPECS_TARGET=local.";
        var report = Report(
            Failed("Forwarding", "Path is kept", "The test run did not start: " + reason),
            Failed("Forwarding", "Body is streamed", "The test run did not start: " + reason, pickle: 1)) with
        {
            StartFailure = new RunProblem(reason, "TargetUnavailableException", "TargetUnavailableException: ..."),
        };

        // When
        var markdown = SummaryWriter.Render(report);

        // Then
        Assert.Contains(
            """
            ## The run did not start

            > Docker is not available.
            > Install or start Docker, or run EGRESS_SPECS_TARGET=local.

            Every scenario failed for this reason (TargetUnavailableException; the failing hook and its stack trace are in the living doc).

            | Feature | Passed | Failed | Skipped |
            """.ReplaceLineEndings(),
            markdown,
            StringComparison.Ordinal);
        Assert.Contains("| **Total** | 0 | 2 | 0 |", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("## Failed", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Comparison_ListsRegressionsFirstWithWhatEachScenarioWas()
    {
        // Given
        var outcomes = new[]
        {
            Failed("Policy", "Contract entry example.org is refused", "the proxy answered 200"),
            Passed("Policy", "A listed name is reached", pickle: 1),
            Skipped("Policy", "Metrics", "no mesh", pickle: 2),
            Passed("Policy", "A brand new scenario", pickle: 3),
        };
        var baseline = new Baseline("/runs/before/junit.xml", new Dictionary<string, BaselineResult>
        {
            ["Policy: Contract entry example.org is refused"] = new(ScenarioResult.Passed, null),
            ["Policy: A listed name is reached"] = new(ScenarioResult.Failed, "was broken"),
            ["Policy: Metrics"] = new(ScenarioResult.Passed, null),
            ["Policy: A removed scenario"] = new(ScenarioResult.Passed, null),
        });
        var report = Report(outcomes) with { Comparison = BaselineComparison.Compare(baseline, outcomes) };

        // When
        var markdown = SummaryWriter.Render(report);

        // Then
        Assert.EndsWith(
            """
            ## Compared with the baseline

            Baseline: /runs/before/junit.xml (4 scenarios; this run: 4).

            ### Newly failing (1)

            - Policy: Contract entry example.org is refused (was passed) — the proxy answered 200

            ### Newly skipped (1)

            - Policy: Metrics (was passed) — no mesh

            ### Gone (in the baseline, not in this run) (1)

            - Policy: A removed scenario (was passed)

            ### Newly passing (1)

            - Policy: A listed name is reached (was failed)

            ### New (not in the baseline) (1)

            - Policy: A brand new scenario (passed)


            """.ReplaceLineEndings(),
            markdown,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Render_BaselineThatCouldNotBeRead_SaysWhyWithoutComparing()
    {
        // Given
        var report = Report(Passed("Policy", "A")) with { BaselineProblem = "EGRESS_SPECS_BASELINE: '/nowhere' does not exist." };

        // When
        var markdown = SummaryWriter.Render(report);

        // Then
        Assert.Contains("Not compared: EGRESS_SPECS_BASELINE: '/nowhere' does not exist.", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_MissingFolder_CreatesItAndWritesSummaryMd()
    {
        // Given
        var folder = Path.Combine(Path.GetTempPath(), Path.GetRandomFileName(), "reports");

        try
        {
            // When
            var path = SummaryWriter.Write(folder, Report(Passed("Basics", "A")));

            // Then
            Assert.Equal(Path.Combine(folder, "summary.md"), path);
            Assert.Contains("| Basics | 1 | 0 | 0 |", File.ReadAllText(path), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(folder)!, recursive: true);
        }
    }
}
