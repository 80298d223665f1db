using EgressSpecs.Proxy.Configuration;
using Microsoft.Extensions.Options;

namespace EgressSpecs.Proxy.Lifecycle;

/// <summary>
/// Turns SIGTERM into a clean exit. StoppingAsync runs before any hosted service stops, so Kestrel is still
/// listening while readiness already says 503: Kubernetes removes the pod from its endpoints during the delay.
/// Kestrel then stops accepting and drains in-flight requests within the rest of HostOptions.ShutdownTimeout
/// (set to delay + drain timeout).
/// </summary>
internal sealed partial class GracefulShutdown : IHostedLifecycleService
{
    private readonly Readiness _readiness;
    private readonly ShutdownOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<GracefulShutdown> _logger;

    public GracefulShutdown(Readiness readiness, IOptions<EgressOptions> options, TimeProvider time, ILogger<GracefulShutdown> logger)
    {
        _readiness = readiness;
        _options = options.Value.Shutdown;
        _time = time;
        _logger = logger;
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken)
    {
        _readiness.MarkStarted();
        return Task.CompletedTask;
    }

    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        _readiness.MarkStopping();
        LogNotReady(_logger, _options.ReadinessDelay.TotalSeconds, _options.DrainTimeout.TotalSeconds);
        try
        {
            await Task.Delay(_options.ReadinessDelay, _time, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // The host's shutdown timeout ran out: stop waiting and let Kestrel close.
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken)
    {
        LogStopped(_logger);
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Shutdown: readiness is now 503; listeners close in {ReadinessDelaySeconds} s, then in-flight requests get up to {DrainTimeoutSeconds} s")]
    private static partial void LogNotReady(ILogger logger, double readinessDelaySeconds, double drainTimeoutSeconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Shutdown complete")]
    private static partial void LogStopped(ILogger logger);
}
