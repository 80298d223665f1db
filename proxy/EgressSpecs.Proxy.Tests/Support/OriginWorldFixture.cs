namespace EgressSpecs.Proxy.Tests.Support;

/// <summary>One origin + proxy per test class.</summary>
public sealed class OriginWorldFixture : IAsyncLifetime
{
    private readonly OriginWorld _world = new();

    internal TlsOrigin Origin => _world.Origin;

    internal ProxyHost Proxy => _world.Proxy;

    internal string TempDirectory => _world.TempDirectory;

    internal string TrustedCaFile => _world.TrustedCaFile;

    public ValueTask InitializeAsync() => _world.InitializeAsync();

    public ValueTask DisposeAsync() => _world.DisposeAsync();
}
