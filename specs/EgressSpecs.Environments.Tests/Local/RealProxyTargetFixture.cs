using EgressSpecs.Environments.Local;

namespace EgressSpecs.Environments.Tests.Local;

/// <summary>The local target as the suite uses it: our real proxy started from its build output, the shipped rule.</summary>
public sealed class RealProxyTargetFixture : IAsyncLifetime
{
    private LocalTarget? _target;

    /// <summary>Why the proxy cannot be started here, or null when <see cref="Target"/> runs.</summary>
    internal string? Missing { get; private set; }

    internal LocalTarget Target => _target ?? throw new InvalidOperationException(Missing ?? "Not started.");

    public async ValueTask InitializeAsync()
    {
        var dll = ProxyLocator.Find(Environment.GetEnvironmentVariable(EgressEnvironmentVariables.ProxyDll), out var missing);
        if (dll is null)
        {
            Missing = $"The proxy cannot be started: {missing}.";
            return;
        }

        _target = new LocalTarget(new LocalTargetSettings
        {
            ProxyDll = dll,
            MeshedApp = LocalTargetSettings.Read(Environment.GetEnvironmentVariable).MeshedApp,
        });
        await _target.StartAsync(TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_target is not null)
        {
            await _target.DisposeAsync();
        }
    }
}
