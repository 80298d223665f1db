using System.Text;
using EgressSpecs.Environments.Apps;
using EgressSpecs.Environments.Support;

namespace EgressSpecs.Environments.Kubernetes;

/// <summary>
/// A cluster target once its cluster exists: the same code for k3s and an existing cluster. A fresh app namespace
/// with a meshed and an unmeshed pod; calls are curl in those pods, DNS checks getent and dig there, the proxy's
/// and Linkerd's metrics read from the meshed pod, third parties (where the provisioner runs them) read through the
/// third-party program's API, diagnostics from the API server. Only <see cref="IClusterProvisioner"/> differs.
/// </summary>
internal sealed class KubernetesTarget(IClusterProvisioner provisioner, TextWriter progress) : IEgressTarget
{
    private const string ProxyDownReason =
        "on a meshed cluster Linkerd's sidecar accepts the app's connection itself and answers 502/503 when the proxy has no "
        + "endpoint, and the cluster targets never stop the cluster's proxy; the local target checks this rule";

    private readonly string _runId = RunNamespace.NewRunId();
    private readonly PhaseLog _phases = new(provisioner.Name, progress);
    private ProvisionedCluster? _cluster;
    private AppPods? _apps;
    private HttpApp? _outside;

    public string Name => provisioner.Name;

    /// <summary>The phases so far, one line each (for the report header and failure messages).</summary>
    public string PhaseReport => _phases.Render();

    public IApp MeshedApp => Started().Meshed;

    public IReadOnlyList<KeyValuePair<string, string>> RunFacts =>
        _apps is { } apps ? [new("Meshed app", $"curl and glibc ({PinnedImages.App}) in pod {apps.MeshedContainer}, with the Linkerd sidecar")] : [];

    public IApp OutsideApp => _outside ?? throw NotStarted();

    public IApp UnmeshedApp => Started().Unmeshed;

    public IApp MeshedAppWhenProxyIsDown => throw Missing(Capability.ProxyDown);

    public IClusterDns ClusterDns => Started().Dns;

    public IReadOnlyDictionary<ThirdPartyRole, IThirdParty> ThirdParties =>
        (_cluster ?? throw NotStarted()).ThirdParties?.Parties ?? throw Missing(Capability.ThirdParties);

    public IProxyAdmin ProxyAdmin => Started().ProxyAdmin;

    public string? Lacks(Capability capability) => capability switch
    {
        Capability.ThirdParties => provisioner.ThirdPartiesLacking,
        Capability.ProxyDown => ProxyDownReason,
        _ => LocalOnlyCapabilities.Reason(capability),
    };

    public Task<Stream> ConnectToProxyAsync(CancellationToken cancellationToken) => throw Missing(Capability.RawProxyConnection);

    public Task<IOwnProxy> StartOwnProxyAsync(TimeSpan readinessDelay, TimeSpan drainTimeout, CancellationToken cancellationToken) =>
        throw Missing(Capability.OwnProxy);

    public Task<string> LinkerdMetricsTextAsync(CancellationToken cancellationToken) => Started().LinkerdMetricsAsync(cancellationToken);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (_cluster is not null)
        {
            throw new InvalidOperationException($"The {Name} target is already started.");
        }

        try
        {
            _cluster = await provisioner.ProvisionAsync(_phases, cancellationToken);
            var repository = RepositoryLayout.Find(AppContext.BaseDirectory, out var notFound)
                ?? throw new TargetUnavailableException(Name, $"cannot find the repository's infra/: {notFound}");
            _apps = await _phases.RunAsync("app pods ready", token => AppPods.DeployAsync(_cluster.Client, repository, _runId, token), cancellationToken);
            await _phases.RunAsync("DNS rule live", token => WaitUntilRuleAnswersAsync(_apps.Dns, token), cancellationToken);
            _outside = new HttpApp("outside app (the test machine)", null);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Start failures are the likeliest real failures: say where it stopped and what the cluster shows, then clean up.
            var diagnostics = await DiagnosticsAsync(CancellationToken.None);
            await DisposeAsync();
            var reason = exception is TargetUnavailableException unavailable ? unavailable.Reason : exception.Message;
            throw new TargetUnavailableException(Name, $"{reason}\nPhases:\n{_phases.Render()}\n{diagnostics}", exception);
        }
    }

    public async Task<string> DiagnosticsAsync(CancellationToken cancellationToken)
    {
        var text = new StringBuilder($"{Name} target, run {_runId}: {_cluster?.Description ?? "(no cluster yet)"}\n");
        if (_cluster is { } cluster)
        {
            string[] namespaces = [RunNamespace.Name("apps", _runId), EgressInstallNames.Namespace, .. cluster.DiagnosticNamespaces];
            text.Append(await ClusterDiagnostics.CollectAsync(cluster.Client, namespaces, cluster.HelmJobNamespace, cancellationToken));
        }

        text.Append(await provisioner.DiagnosticsAsync(cancellationToken));
        return text.ToString();
    }

    public async ValueTask DisposeAsync()
    {
        _outside?.Dispose();
        _outside = null;
        if (_cluster is { } cluster)
        {
            // Also after a failed start: the namespace may exist without its pods. Only this run's labelled one is deleted.
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
            try
            {
                await AppPods.DeleteAsync(cluster.Client, _runId, timeout.Token);
            }
            catch (Exception exception) when (exception is HttpRequestException or OperationCanceledException or k8s.Autorest.HttpOperationException)
            {
                await progress.WriteLineAsync($"[{Name}] could not delete {RunNamespace.Name("apps", _runId)}: {exception.Message}");
            }
        }

        _cluster = null;
        _apps = null;
        await provisioner.DisposeAsync();
    }

    /// <summary>The rule is in place when a pod's getaddrinfo resolves an egress name (CoreDNS may still serve a cached NXDOMAIN).</summary>
    private static Task WaitUntilRuleAnswersAsync(IClusterDns dns, CancellationToken cancellationToken) =>
        Poll.UntilTrueAsync("the cluster DNS to answer api.example.test.egress.local with the proxy", TimeSpan.FromMinutes(3), async token =>
        {
            var lookup = await dns.ResolveAsync("api.example.test.egress.local", System.Net.Sockets.AddressFamily.InterNetwork, token);
            return (lookup.Resolved, lookup.Failure ?? "resolved");
        }, cancellationToken);

    private AppPods Started() => _apps ?? throw NotStarted();

    private InvalidOperationException NotStarted() => new($"The {Name} target is not started: call StartAsync first.");

    private TargetLacksCapabilityException Missing(Capability capability) => new(capability, Lacks(capability) ?? $"the {Name} target is not started");
}
