using EgressSpecs.Environments.Support;

namespace EgressSpecs.Environments.Tests.Support;

public sealed class PollTests
{
    private const string What = "Deployment egress/egress-proxy to be available";

    [Fact]
    public async Task UntilAsync_NeverDone_TimesOutNamingWhatItAwaitedTheLastStateAndHowLong()
    {
        // Given
        var asked = 0;

        // When
        var failure = await Assert.ThrowsAsync<TimeoutException>(() => Poll.UntilTrueAsync(
            What,
            TimeSpan.FromMilliseconds(300),
            _ => Task.FromResult((false, $"0/2 replicas available (ask {++asked})")),
            TestContext.Current.CancellationToken));

        // Then
        Assert.Contains($"waiting for {What}", failure.Message);
        Assert.Contains($"last seen: 0/2 replicas available (ask {asked})", failure.Message);
        Assert.Matches(@"after [0-9.]+ s", failure.Message);
    }

    [Fact]
    public async Task UntilAsync_OuterTokenCancelledWhileWaiting_IsACancellationThatStillSaysWhatAndLastSeen()
    {
        // Given: the outer token (a target's overall start deadline) fires long before this step's own timeout.
        using var outer = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var asked = 0;

        // When
        var failure = await Assert.ThrowsAsync<OperationCanceledException>(() => Poll.UntilTrueAsync(
            What,
            TimeSpan.FromMinutes(10),
            _ =>
            {
                if (++asked == 2)
                {
                    outer.Cancel();
                }

                return Task.FromResult((false, $"1/2 replicas available (ask {asked})"));
            },
            outer.Token));

        // Then
        Assert.Equal(outer.Token, failure.CancellationToken);
        Assert.Contains($"waiting for {What}", failure.Message);
        Assert.Contains("last seen: 1/2 replicas available (ask 2)", failure.Message);
        Assert.Matches(@"Cancelled after [0-9.]+ s \(of this step's 600 s\)", failure.Message);
    }

    [Fact]
    public async Task UntilAsync_OuterTokenCancelledInsideTheProbe_KeepsThePreviousState()
    {
        // Given: the probe's API call is the one that sees the outer token fire.
        using var outer = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var asked = 0;

        // When
        var failure = await Assert.ThrowsAsync<OperationCanceledException>(() => Poll.UntilTrueAsync(
            What,
            TimeSpan.FromMinutes(10),
            token =>
            {
                if (++asked == 2)
                {
                    outer.Cancel();
                    token.ThrowIfCancellationRequested();
                }

                return Task.FromResult((false, "Deployment egress/egress-proxy does not exist yet"));
            },
            outer.Token));

        // Then
        Assert.Contains($"waiting for {What}; last seen: Deployment egress/egress-proxy does not exist yet", failure.Message);
    }

    [Fact]
    public async Task UntilAsync_ProbeCancelledByItsOwnTimeout_IsNotMistakenForTheWaitsEnd()
    {
        // Given: an HTTP client's own timeout surfaces as a cancellation that neither token caused.
        var own = new TaskCanceledException("The request was canceled due to the configured HttpClient.Timeout of 100 seconds elapsing.");

        // When
        var failure = await Assert.ThrowsAsync<TaskCanceledException>(() => Poll.UntilTrueAsync(
            What, TimeSpan.FromMinutes(10), _ => throw own, TestContext.Current.CancellationToken));

        // Then
        Assert.Same(own, failure);
    }

    [Fact]
    public async Task UntilAsync_ValueAppears_ReturnsIt()
    {
        // Given
        var asked = 0;

        // When
        var value = await Poll.UntilAsync(
            "a value",
            TimeSpan.FromSeconds(30),
            _ => Task.FromResult<(string?, string)>((++asked == 2 ? "ready" : null, "not yet")),
            TestContext.Current.CancellationToken);

        // Then
        Assert.Equal("ready", value);
        Assert.Equal(2, asked);
    }
}
