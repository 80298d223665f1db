namespace EgressSpecs.Environments.Unbuilt;

/// <summary>
/// A target that is chosen by name but not written yet (k3s, cluster): it starts nothing and lacks everything,
/// so every scenario skips with the same reason instead of failing.
/// </summary>
internal sealed class UnbuiltTarget(string name) : IEgressTarget
{
    public string Name { get; } = name;

    public IApp MeshedApp => throw Missing(Capability.MeshedApp);

    public IApp OutsideApp => throw Missing(Capability.OutsideApp);

    public IApp UnmeshedApp => throw Missing(Capability.UnmeshedApp);

    public IApp MeshedAppWhenProxyIsDown => throw Missing(Capability.ProxyDown);

    public IClusterDns ClusterDns => throw Missing(Capability.ClusterDns);

    public IReadOnlyDictionary<ThirdPartyRole, IThirdParty> ThirdParties => throw Missing(Capability.ThirdParties);

    public IProxyAdmin ProxyAdmin => throw Missing(Capability.ProxyAdmin);

    public string? Lacks(Capability capability) => $"the {Name} target is not built yet";

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<string> LinkerdMetricsTextAsync(CancellationToken cancellationToken) => throw Missing(Capability.LinkerdMetrics);

    public Task<Stream> ConnectToProxyAsync(CancellationToken cancellationToken) => throw Missing(Capability.RawProxyConnection);

    public Task<IOwnProxy> StartOwnProxyAsync(TimeSpan readinessDelay, TimeSpan drainTimeout, CancellationToken cancellationToken) =>
        throw Missing(Capability.OwnProxy);

    public Task<string> DiagnosticsAsync(CancellationToken cancellationToken) => Task.FromResult($"{Name} target (not built yet)");

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private TargetLacksCapabilityException Missing(Capability capability) => new(capability, Lacks(capability)!);
}
