namespace EgressSpecs.Contracts.Tests.EndToEnd;

/// <summary>A contract file on the local target, end to end: what passes, what fails and how, and what the comparison lists.</summary>
public sealed class ContractRunTests(ContractRuns runs) : IClassFixture<ContractRuns>
{
    [Fact]
    public void SampleContract_LocalTarget_ReachableAndRefusedPassBlockedDirectSkipsWithTheReason()
    {
        // Given
        var run = runs.Before;

        // When
        var lines = run.SummaryLines;

        // Then
        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains("| Egress contract | 2 | 0 | 1 |", lines);
        Assert.Contains(
            "- 1 scenario (Egress contract): NetworkPolicy is not available on the 'local' target: NetworkPolicy needs a Kubernetes cluster whose CNI enforces it: run with EGRESS_SPECS_TARGET=k3s or cluster",
            lines);
    }

    [Fact]
    public void SampleContract_Header_NamesTheContractFileAndWhatItHolds() =>
        Assert.Contains($"- **Contract:** {ContractRuns.SampleContract} (1 reachable, 1 refused, 1 blockedDirect)", runs.Before.SummaryLines);

    [Fact]
    public void EntryTheAllowlistContradicts_FailsAloneNamingTheEntryAndWhatCameBack()
    {
        // Given
        var run = runs.Contradicting;

        // When
        var failures = run.SummaryLines.SkipWhile(line => line != "## Failed (1)").Skip(2).TakeWhile(line => line.Length > 0).ToList();

        // Then
        Assert.True(run.ExitCode != 0, run.Output);
        Assert.Contains("| Egress contract | 2 | 1 | 1 |", run.SummaryLines);
        var failure = Assert.Single(failures);
        Assert.StartsWith(
            $"- Egress contract: {ContractRuns.ContradictingEntry} — Expected the egress proxy to refuse GET http://api.example.test.egress.local/ with the reason not_allowed; " +
            "the egress proxy passed the call on and the destination answered HTTP 200",
            failure,
            StringComparison.Ordinal);
    }

    [Fact]
    public void RunAfterABrokenUpgrade_WithTheFirstRunAsBaseline_ListsTheEntriesThatNewlyFail()
    {
        // Given
        var run = runs.After;

        // When
        var newlyFailing = run.SummaryLines.SkipWhile(line => !line.StartsWith("### Newly failing", StringComparison.Ordinal)).ToList();

        // Then
        Assert.True(run.ExitCode != 0, run.Output);
        Assert.Equal("### Newly failing (2)", newlyFailing.FirstOrDefault());
        Assert.StartsWith(
            "- Egress contract: api.example.test/status/200 answers 200 through the egress path (was passed) — " +
            "Expected the destination to answer GET http://api.example.test.egress.local/status/200 with HTTP 200; the call failed before any answer: NameNotResolved",
            newlyFailing[2],
            StringComparison.Ordinal);
        Assert.StartsWith(
            "- Egress contract: unlisted.example.test is refused by the egress proxy (not_allowed) (was passed) — ",
            newlyFailing[3],
            StringComparison.Ordinal);
    }
}
