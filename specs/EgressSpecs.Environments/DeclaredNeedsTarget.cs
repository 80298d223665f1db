namespace EgressSpecs.Environments;

/// <summary>
/// The target as one scenario sees it: only the capabilities its tags declare. Using another is a test bug and
/// throws <see cref="UndeclaredCapabilityException"/>; what every target has (the meshed and outside apps, the
/// cluster DNS) is always there. The declared ones were checked before the scenario's first step.
/// </summary>
public sealed class DeclaredNeedsTarget(IEgressTarget target, IReadOnlyCollection<Capability> declared) : IEgressTarget
{
    public string Name => target.Name;

    public IApp MeshedApp => target.MeshedApp;

    public IApp OutsideApp => target.OutsideApp;

    public IClusterDns ClusterDns => target.ClusterDns;

    public IApp UnmeshedApp => Use(Capability.UnmeshedPod).UnmeshedApp;

    public IApp MeshedAppWhenProxyIsDown => Use(Capability.ProxyDown).MeshedAppWhenProxyIsDown;

    public IReadOnlyDictionary<ThirdPartyRole, IThirdParty> ThirdParties => Use(Capability.ThirdParties).ThirdParties;

    public IProxyAdmin ProxyAdmin => Use(Capability.ProxyAdmin).ProxyAdmin;

    public IReadOnlyList<KeyValuePair<string, string>> RunFacts => target.RunFacts;

    public string? Lacks(Capability capability) => target.Lacks(capability);

    public Task StartAsync(CancellationToken cancellationToken) =>
        throw new InvalidOperationException("A scenario does not start the run's target.");

    public Task<string> LinkerdMetricsTextAsync(CancellationToken cancellationToken) => Use(Capability.Mesh).LinkerdMetricsTextAsync(cancellationToken);

    public Task<Stream> ConnectToProxyAsync(CancellationToken cancellationToken) => Use(Capability.RawProxyConnection).ConnectToProxyAsync(cancellationToken);

    public Task<IOwnProxy> StartOwnProxyAsync(TimeSpan readinessDelay, TimeSpan drainTimeout, CancellationToken cancellationToken) =>
        Use(Capability.OwnProxy).StartOwnProxyAsync(readinessDelay, drainTimeout, cancellationToken);

    public Task<string> DiagnosticsAsync(CancellationToken cancellationToken) => target.DiagnosticsAsync(cancellationToken);

    /// <summary>The run's target outlives the scenario: nothing to dispose here.</summary>
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private IEgressTarget Use(Capability capability) =>
        declared.Contains(capability) ? target : throw new UndeclaredCapabilityException(capability);
}
