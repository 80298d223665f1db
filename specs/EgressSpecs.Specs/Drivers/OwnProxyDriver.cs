using EgressSpecs.Environments;
using EgressSpecs.Specs.Support;

namespace EgressSpecs.Specs.Drivers;

/// <summary>A proxy instance of the scenario's own, which the scenario stops; stopped for good when the scenario ends.</summary>
internal sealed class OwnProxyDriver(IEgressTarget target, ScenarioIsolation isolation) : IAsyncDisposable
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(20);

    private IOwnProxy? _proxy;
    private Task<AppResponse>? _download;

    public TimeSpan ReadinessDelay { get; private set; }

    public TimeSpan DrainTimeout { get; private set; }

    private IOwnProxy Proxy => _proxy ?? throw new InvalidOperationException("No proxy of the scenario's own was started.");

    public async Task StartAsync(TimeSpan readinessDelay, TimeSpan drainTimeout)
    {
        ReadinessDelay = readinessDelay;
        DrainTimeout = drainTimeout;
        _proxy = await target.StartOwnProxyAsync(readinessDelay, drainTimeout, TestContext.Current.CancellationToken);
    }

    /// <summary>Starts a GET through the own proxy and returns once the third party has begun to answer it.</summary>
    public async Task StartDownloadAsync(string host, string path, IThirdParty thirdParty)
    {
        var request = AppRequest.Get($"http://{host}{isolation.Isolate(path)}") with { Timeout = TimeSpan.FromSeconds(30) };
        _download = Proxy.MeshedApp.SendAsync(request, TestContext.Current.CancellationToken);
        // A freshly started proxy on a busy machine (JIT, first TLS handshake) may take seconds: wait up to just short
        // of the request's own timeout, so the download is still in flight when the wait ends.
        await PollAsync(
            TimeSpan.FromSeconds(25),
            async cancellationToken => (await thirdParty.RequestsAsync(isolation.PathPrefix, cancellationToken)).Count > 0 || _download.IsCompleted,
            $"{thirdParty.Host} did not start answering {path}");
        Assert.False(_download.IsCompleted, $"The download ended before the proxy was stopped: {(_download.IsCompletedSuccessfully ? _download.Result.ToString() : "failed")}.");
    }

    public Task TerminateAsync() => Proxy.TerminateAsync(TestContext.Current.CancellationToken);

    public Task<AppResponse> DownloadAsync() => _download ?? throw new InvalidOperationException("No download was started.");

    /// <summary>Polls readiness until it is <paramref name="status"/>; a refused connection means the listeners already closed.</summary>
    public Task WaitForReadinessAsync(int status, TimeSpan within) =>
        PollAsync(within, async cancellationToken => await Proxy.ReadinessStatusAsync(cancellationToken) == status, $"/readyz did not answer {status}");

    public async Task<int?> ExitCodeWithinAsync(TimeSpan within)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        deadline.CancelAfter(within);
        try
        {
            return await Proxy.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException) when (!TestContext.Current.CancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_proxy is { } proxy)
        {
            _proxy = null;
            await proxy.DisposeAsync();
        }
    }

    private static async Task PollAsync(TimeSpan within, Func<CancellationToken, Task<bool>> condition, string failure)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        deadline.CancelAfter(within);
        var last = "no answer yet";
        try
        {
            while (true)
            {
                try
                {
                    if (await condition(deadline.Token))
                    {
                        return;
                    }

                    last = "not yet";
                }
                catch (HttpRequestException exception)
                {
                    last = exception.Message;
                }

                await Task.Delay(PollInterval, deadline.Token);
            }
        }
        catch (OperationCanceledException) when (!TestContext.Current.CancellationToken.IsCancellationRequested)
        {
            Assert.Fail($"{failure} within {within.TotalSeconds:0.###} s (last: {last}).");
        }
    }
}
