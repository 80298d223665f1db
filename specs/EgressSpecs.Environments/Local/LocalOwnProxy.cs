using EgressSpecs.Environments.Apps;

namespace EgressSpecs.Environments.Local;

/// <summary>A proxy process started for one scenario, with the meshed app and admin client that reach it.</summary>
internal sealed class LocalOwnProxy(ProxyProcess process, ProxyAdminClient admin, HttpApp app) : IOwnProxy
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
        app.Dispose();
        admin.Dispose();
        await process.DisposeAsync();
    }
}
