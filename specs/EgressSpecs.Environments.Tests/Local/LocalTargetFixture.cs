using EgressSpecs.Environments.Local;
using EgressSpecs.Environments.Tests.Support;

namespace EgressSpecs.Environments.Tests.Local;

/// <summary>
/// A started local target whose proxy is a <see cref="FakeProxy"/> given as an external proxy (so these tests need
/// no proxy build), serving the shipped rule file, with the CA file at a chosen path. Its meshed app is what
/// EGRESS_SPECS_MESHED_APP asks for (default: the real path where the machine allows it).
/// </summary>
public sealed class LocalTargetFixture : IAsyncLifetime
{
    private FakeProxy? _proxy;
    private LocalTarget? _target;

    internal FakeProxy Proxy => _proxy ?? throw new InvalidOperationException("Not started.");

    internal LocalTarget Target => _target ?? throw new InvalidOperationException("Not started.");

    internal string CaFile { get; } = Path.Combine(Path.GetTempPath(), $"egress-specs-ca-test-{Guid.NewGuid():N}", "ca.pem");

    public async ValueTask InitializeAsync()
    {
        _proxy = await FakeProxy.StartAsync(TestContext.Current.CancellationToken);
        _target = new LocalTarget(new LocalTargetSettings
        {
            ProxyUrl = _proxy.Url,
            ProxyAdminUrl = _proxy.Url,
            CaFile = CaFile,
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

        if (_proxy is not null)
        {
            await _proxy.DisposeAsync();
        }

        Directory.Delete(Path.GetDirectoryName(CaFile)!, recursive: true);
    }
}
