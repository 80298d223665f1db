using EgressSpecs.Proxy.Configuration;
using EgressSpecs.Proxy.Lifecycle;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace EgressSpecs.Proxy.Tests.Lifecycle;

public sealed class GracefulShutdownTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task StoppingAsync_AfterStart_TurnsNotReadyAtOnceThenWaitsTheDelay()
    {
        // Given
        var readiness = new Readiness();
        var shutdown = Create(readiness, TimeSpan.FromMilliseconds(300));
        Assert.False(readiness.IsReady);
        await shutdown.StartedAsync(Ct);
        Assert.True(readiness.IsReady);

        // When
        var started = TimeProvider.System.GetTimestamp();
        var stopping = shutdown.StoppingAsync(Ct);

        // Then
        Assert.False(readiness.IsReady);
        Assert.False(stopping.IsCompleted);
        await stopping;
        Assert.True(TimeProvider.System.GetElapsedTime(started) >= TimeSpan.FromMilliseconds(250));
    }

    [Fact]
    public async Task StoppingAsync_ShutdownTimeoutCancels_ReturnsWithoutThrowing()
    {
        // Given
        var shutdown = Create(new Readiness(), TimeSpan.FromMinutes(5));
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        // When / Then
        await shutdown.StoppingAsync(cancelled.Token);
    }

    private static GracefulShutdown Create(Readiness readiness, TimeSpan delay) =>
        new(readiness,
            Options.Create(new EgressOptions { Shutdown = new ShutdownOptions { ReadinessDelay = delay } }),
            TimeProvider.System,
            NullLogger<GracefulShutdown>.Instance);
}
