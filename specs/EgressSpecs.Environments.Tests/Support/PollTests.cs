using EgressSpecs.Environments.Support;

namespace EgressSpecs.Environments.Tests.Support;

public sealed class PollTests
{
    [Fact]
    public async Task UntilAsync_NeverDone_TimesOutNamingWhatItAwaitedAndTheLastState()
    {
        // Given
        var asked = 0;

        // When
        var failure = await Assert.ThrowsAsync<TimeoutException>(() => Poll.UntilTrueAsync(
            "Deployment egress/egress-proxy to be available",
            TimeSpan.FromMilliseconds(300),
            _ => Task.FromResult((false, $"0/2 replicas available (ask {++asked})")),
            TestContext.Current.CancellationToken));

        // Then
        Assert.Contains("Deployment egress/egress-proxy to be available", failure.Message);
        Assert.Contains($"0/2 replicas available (ask {asked})", failure.Message);
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
