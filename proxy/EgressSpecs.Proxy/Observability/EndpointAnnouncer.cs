namespace EgressSpecs.Proxy.Observability;

/// <summary>
/// Logs each bound endpoint once, with its real port, so tools that start the proxy on port 0 can find it
/// (<c>Endpoint Proxy listening on http://127.0.0.1:41234</c>).
/// </summary>
internal sealed partial class EndpointAnnouncer(KestrelEndpoints endpoints, ILogger<EndpointAnnouncer> logger) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken)
    {
        if (endpoints.Proxy is { } proxy)
        {
            LogListening(logger, KestrelEndpoints.ProxyName, KestrelEndpoints.Url(proxy));
        }

        if (endpoints.Admin is { } admin)
        {
            LogListening(logger, KestrelEndpoints.AdminName, KestrelEndpoints.Url(admin));
        }

        return Task.CompletedTask;
    }

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Endpoint {EndpointName} listening on {Url}")]
    private static partial void LogListening(ILogger logger, string endpointName, string url);
}
