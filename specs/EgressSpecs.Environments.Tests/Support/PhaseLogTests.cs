using EgressSpecs.Environments.Support;
using Microsoft.Extensions.Time.Testing;

namespace EgressSpecs.Environments.Tests.Support;

public sealed class PhaseLogTests
{
    private readonly FakeTimeProvider _time = new();
    private readonly StringWriter _output = new();

    [Fact]
    public async Task RunAsync_PhaseSucceeds_WritesItsNameDurationAndOkAsItEnds()
    {
        // Given
        var log = new PhaseLog("k3s", _output, _time);

        // When
        await log.RunAsync("node start", _ =>
        {
            _time.Advance(TimeSpan.FromSeconds(41.2));
            return Task.CompletedTask;
        }, TestContext.Current.CancellationToken);

        // Then
        Assert.Equal("[k3s] node start: 41.2 s ok" + Environment.NewLine, _output.ToString());
        var phase = Assert.Single(log.Phases);
        Assert.Equal(new PhaseRecord("node start", TimeSpan.FromSeconds(41.2), PhaseOutcome.Ok, null), phase);
    }

    [Fact]
    public async Task RunAsync_PhaseReturnsAValue_PassesItThrough()
    {
        // Given
        var log = new PhaseLog("k3s", _output, _time);

        // When
        var value = await log.RunAsync("image build", _ => Task.FromResult("egress-specs/proxy:abc123"), TestContext.Current.CancellationToken);

        // Then
        Assert.Equal("egress-specs/proxy:abc123", value);
        Assert.Equal(PhaseOutcome.Ok, Assert.Single(log.Phases).Outcome);
    }

    [Fact]
    public async Task RunAsync_PhaseThrows_RecordsTheExceptionsFirstLineAndRethrowsIt()
    {
        // Given
        var log = new PhaseLog("k3s", _output, _time);
        var thrown = new TimeoutException("Timed out after 120 s waiting for k3s to import the image; last seen: none\n(details follow)");

        // When
        var failure = await Assert.ThrowsAsync<TimeoutException>(() => log.RunAsync("image import", _ =>
        {
            _time.Advance(TimeSpan.FromMinutes(2));
            throw thrown;
        }, TestContext.Current.CancellationToken));

        // Then
        Assert.Same(thrown, failure);
        Assert.Equal(
            "[k3s] image import: 120.0 s failed: TimeoutException: Timed out after 120 s waiting for k3s to import the image; last seen: none" + Environment.NewLine,
            _output.ToString());
        Assert.Equal(PhaseOutcome.Failed, Assert.Single(log.Phases).Outcome);
    }

    [Fact]
    public async Task RunAsync_PhaseCancelled_IsRecordedAsCancelled()
    {
        // Given
        var log = new PhaseLog("cluster", _output, _time);

        // When
        await Assert.ThrowsAsync<OperationCanceledException>(() => log.RunAsync(
            "Linkerd control plane", _ => throw new OperationCanceledException("Cancelled after 900 s while waiting for Job kube-system/helm-install-linkerd-crds"),
            TestContext.Current.CancellationToken));

        // Then
        Assert.Contains("[cluster] Linkerd control plane: 0.0 s cancelled: OperationCanceledException: Cancelled after 900 s", _output.ToString());
    }

    [Fact]
    public async Task Render_SeveralPhases_ListsEachInTheOrderTheyEnded()
    {
        // Given
        var log = new PhaseLog("k3s", _output, _time);
        await log.RunAsync("docker check", _ => Task.CompletedTask, TestContext.Current.CancellationToken);
        await log.RunAsync("node start", _ =>
        {
            _time.Advance(TimeSpan.FromSeconds(30));
            return Task.CompletedTask;
        }, TestContext.Current.CancellationToken);
        await Assert.ThrowsAsync<InvalidOperationException>(() => log.RunAsync(
            "infra applied", _ => throw new InvalidOperationException("infra/ has no object named egress-proxy"), TestContext.Current.CancellationToken));

        // When
        var text = log.Render();

        // Then
        Assert.Equal(
            "[k3s] docker check: 0.0 s ok\n[k3s] node start: 30.0 s ok\n[k3s] infra applied: 0.0 s failed: InvalidOperationException: infra/ has no object named egress-proxy\n",
            text);
    }

    [Fact]
    public async Task RunAsync_PhasesSideBySide_EachIsTimedOnItsOwn()
    {
        // Given: an image build that outlasts a container start it runs beside.
        var log = new PhaseLog("k3s", _output, _time);
        var build = new TaskCompletionSource();

        // When
        var imageBuild = log.RunAsync("image build", _ => build.Task, TestContext.Current.CancellationToken);
        await log.RunAsync("third parties start", _ =>
        {
            _time.Advance(TimeSpan.FromSeconds(5));
            return Task.CompletedTask;
        }, TestContext.Current.CancellationToken);
        _time.Advance(TimeSpan.FromSeconds(20));
        build.SetResult();
        await imageBuild;

        // Then
        Assert.Equal(["third parties start: 5.0 s ok", "image build: 25.0 s ok"], log.Phases.Select(phase => phase.ToString()));
    }

    [Fact]
    public void Render_NoPhaseYet_SaysSo()
    {
        // Given
        var log = new PhaseLog("k3s", _output, _time);

        // When
        var text = log.Render();

        // Then
        Assert.Equal("[k3s] (no phase ended)\n", text);
    }
}
