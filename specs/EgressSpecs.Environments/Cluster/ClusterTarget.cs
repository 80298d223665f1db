using EgressSpecs.Environments.Support;
using System.Text;
using EgressSpecs.Environments.Apps;
using EgressSpecs.Environments.Kubernetes;

namespace EgressSpecs.Environments.Cluster;

/// <summary>
/// An existing cluster, chosen by <c>KUBECONFIG</c> and <c>EGRESS_SPECS_KUBE_CONTEXT</c>, as a platform team
/// validates it before an upgrade. It first checks what must already be installed and lacks every capability,
/// naming each missing piece, when something is. It is non-destructive: it only reads, and creates (then deletes)
/// its own labelled namespace. It deploys no third parties, because the allowlist is the operator's.
/// </summary>
internal sealed class ClusterTarget(Func<string, string?> variable) : IEgressTarget
{
    private const string ThirdPartiesReason =
        "an existing cluster's allowlist belongs to its operator, so the cluster target deploys no third parties and cannot observe "
        + "what reaches one; run EGRESS_SPECS_TARGET=k3s (or local) for the scenarios that need them";

    private const string ProxyDownReason =
        "the cluster target never stops the cluster's egress proxy (it is non-destructive), and from a meshed pod Linkerd's sidecar "
        + "answers 502/503 itself instead of a refused connection; the local target checks this rule";

    private readonly string _runId = RunNamespace.NewRunId();
    private string? _notReady;
    private string? _context;
    private k8s.Kubernetes? _client;
    private AppPods? _apps;
    private bool _createsNamespace;
    private HttpApp? _outside;

    public string Name => EgressTargets.Cluster;

    public IApp MeshedApp => Require(Capability.MeshedApp).Meshed;

    public IApp OutsideApp => Lacks(Capability.OutsideApp) is null && _outside is not null ? _outside : throw Missing(Capability.OutsideApp);

    public IApp UnmeshedApp => Require(Capability.UnmeshedApp).Unmeshed;

    public IApp MeshedAppWhenProxyIsDown => throw Missing(Capability.ProxyDown);

    public IClusterDns ClusterDns => Require(Capability.ClusterDns).Dns;

    public IReadOnlyDictionary<ThirdPartyRole, IThirdParty> ThirdParties => throw Missing(Capability.ThirdParties);

    public IProxyAdmin ProxyAdmin => Require(Capability.ProxyAdmin).ProxyAdmin;

    public string? Lacks(Capability capability) => _notReady ?? capability switch
    {
        Capability.ThirdParties => ThirdPartiesReason,
        Capability.ProxyDown => ProxyDownReason,
        _ => LocalOnlyCapabilities.Reason(capability),
    };

    public Task<Stream> ConnectToProxyAsync(CancellationToken cancellationToken) => throw Missing(Capability.RawProxyConnection);

    public Task<IOwnProxy> StartOwnProxyAsync(TimeSpan readinessDelay, TimeSpan drainTimeout, CancellationToken cancellationToken) =>
        throw Missing(Capability.OwnProxy);

    public Task<string> LinkerdMetricsTextAsync(CancellationToken cancellationToken) =>
        Require(Capability.LinkerdMetrics).LinkerdMetricsAsync(cancellationToken);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var (configuration, problem) = KubeconfigSelection.Select(variable);
        if (configuration is null)
        {
            _notReady = $"the cluster target has no cluster: {problem}";
            return;
        }

        _context = configuration.CurrentContext;
        _client = new k8s.Kubernetes(configuration);
        ClusterSnapshot snapshot;
        try
        {
            snapshot = await ClusterPrerequisites.ReadAsync(_client, cancellationToken);
        }
        catch (HttpRequestException exception)
        {
            _notReady = $"the cluster of context '{_context}' ({configuration.Host}) does not answer: {exception.Message}";
            return;
        }

        var missing = ClusterPrerequisites.Missing(snapshot);
        if (missing.Count > 0)
        {
            _notReady = $"the cluster of context '{_context}' is missing prerequisites: {string.Join("; ", missing)}";
            return;
        }

        var repository = RepositoryLayout.Find(AppContext.BaseDirectory, out var notFound)
            ?? throw new InvalidOperationException($"The cluster target cannot find infra/: {notFound}.");
        _createsNamespace = true;
        _apps = await AppPods.DeployAsync(_client, repository, _runId, cancellationToken);
        _outside = new HttpApp("outside app (the test machine)", null);
    }

    public async Task<string> DiagnosticsAsync(CancellationToken cancellationToken)
    {
        var text = new StringBuilder($"cluster target, context '{_context ?? "(none)"}', run {_runId}\n");
        if (_notReady is not null)
        {
            text.AppendLine($"  not ready: {_notReady}");
        }

        if (_client is not null && _apps is not null)
        {
            text.Append(await ClusterDiagnostics.CollectAsync(_client, [_apps.Namespace, EgressInstallNames.Namespace], cancellationToken));
        }

        return text.ToString();
    }

    public async ValueTask DisposeAsync()
    {
        _outside?.Dispose();
        if (_client is null)
        {
            return;
        }

        try
        {
            if (_createsNamespace)
            {
                // Also after a failed start: the namespace may exist without its pods. Only this run's labelled one is deleted.
                using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
                await AppPods.DeleteAsync(_client, _runId, timeout.Token);
            }
        }
        finally
        {
            _client.Dispose();
        }
    }

    private AppPods Require(Capability capability) =>
        Lacks(capability) is null ? _apps ?? throw new InvalidOperationException("The cluster target is not started: call StartAsync first.") : throw Missing(capability);

    private TargetLacksCapabilityException Missing(Capability capability) =>
        new(capability, Lacks(capability) ?? "the cluster target is not started: call StartAsync first");
}
