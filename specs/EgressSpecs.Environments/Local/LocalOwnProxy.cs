namespace EgressSpecs.Environments.Local;

/// <summary>A proxy process started for one scenario, with the meshed app and admin client that reach it.</summary>
/// <param name="process">The proxy.</param>
/// <param name="admin">Its admin endpoint.</param>
/// <param name="app">The meshed app that reaches it through the proxy Service.</param>
/// <param name="releaseApp">Frees what the app holds (its pod, or its HTTP client).</param>
internal sealed class LocalOwnProxy(ProxyProcess process, ProxyAdminClient admin, IApp app, Func<ValueTask> releaseApp) : IOwnProxy
{
    public IApp MeshedApp => app;

    public ProxyAdminClient Admin => admin;

    public Task<int> ReadinessStatusAsync(CancellationToken cancellationToken) => admin.ReadinessStatusAsync(cancellationToken);

    public Task TerminateAsync(CancellationToken cancellationToken)
    {
        process.Terminate();
        return Task.CompletedTask;
    }

    public Task<int> WaitForExitAsync(CancellationToken cancellationToken) => process.WaitForExitAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        admin.Dispose();
        try
        {
            await process.DisposeAsync();
        }
        finally
        {
            await releaseApp();
        }
    }
}
