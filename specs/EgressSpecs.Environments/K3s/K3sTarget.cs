using EgressSpecs.Environments.Support;
using System.Text;
using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Networks;
using EgressSpecs.Environments.Apps;
using EgressSpecs.Environments.Kubernetes;
using EgressSpecs.Environments.ThirdParties;
using k8s;

namespace EgressSpecs.Environments.K3s;

/// <summary>
/// A throwaway k3s cluster with Linkerd and the egress install of <c>infra/</c>, one per test run (Testcontainers):
/// the third parties are WireMock.Net containers beside the node, the apps are pods of a fresh namespace. Without a
/// Docker engine it starts nothing and lacks every capability with the reason, so every scenario skips.
/// </summary>
internal sealed class K3sTarget : IEgressTarget
{
    private const string ProxyDownReason =
        "on a meshed cluster Linkerd's sidecar accepts the app's connection itself and answers 502/503 when the proxy has no "
        + "endpoint, so a refused connection cannot be observed from a meshed pod; the local target checks this rule";

    private readonly K3sSettings _settings;
    private readonly string? _dockerMissing;
    private readonly List<WireMockContainer> _thirdParties = [];
    private readonly string _runId = RunNamespace.NewRunId();
    private INetwork? _network;
    private K3sNode? _node;
    private k8s.Kubernetes? _client;
    private AppPods? _apps;
    private HttpApp? _outside;
    private EphemeralCertificates? _certificates;
    private string? _workDirectory;

    public K3sTarget(K3sSettings settings, Func<string?> dockerMissing)
    {
        _settings = settings;
        _dockerMissing = dockerMissing();
    }

    public string Name => EgressTargets.K3s;

    public IApp MeshedApp => Require(Capability.MeshedApp).Meshed;

    public IApp OutsideApp => _outside ?? throw Missing(Capability.OutsideApp);

    public IApp UnmeshedApp => Require(Capability.UnmeshedApp).Unmeshed;

    public IApp MeshedAppWhenProxyIsDown => throw Missing(Capability.ProxyDown);

    public IClusterDns ClusterDns => Require(Capability.ClusterDns).Dns;

    public IReadOnlyDictionary<ThirdPartyRole, IThirdParty> ThirdParties =>
        _thirdParties.Count > 0 ? _thirdParties.ToDictionary(party => party.Role, party => (IThirdParty)party) : throw Missing(Capability.ThirdParties);

    public IProxyAdmin ProxyAdmin => Require(Capability.ProxyAdmin).ProxyAdmin;

    public string? Lacks(Capability capability) => _dockerMissing ?? capability switch
    {
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
        if (_dockerMissing is not null)
        {
            // Nothing to start: every capability is lacking and every scenario skips with the reason.
            return;
        }

        if (_node is not null)
        {
            throw new InvalidOperationException("The k3s target is already started.");
        }

        var repository = RepositoryLayout.Find(AppContext.BaseDirectory, out var notFound)
            ?? throw new InvalidOperationException($"The k3s target cannot find infra/: {notFound}.");
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(_settings.StartTimeout);
        var token = deadline.Token;

        _workDirectory = Directory.CreateTempSubdirectory("egress-specs-k3s-").FullName;
        var tar = Path.Combine(_workDirectory, "egress-proxy.tar");
        var imageBuild = ContainerImageBuild.ToArchive(repository.ProxyProject, ContainerImageBuild.ProxyRepository, _runId, tar).BuildAsync(_settings.StartTimeout, token);

        var network = new NetworkBuilder().WithCleanUp(!_settings.KeepCluster).Build();
        _network = network;
        await network.CreateAsync(token);
        var certificates = new EphemeralCertificates();
        _certificates = certificates;
        await Task.WhenAll(K3sThirdParty.All.Select(async party =>
        {
            var container = await WireMockContainer.StartAsync(party, CertificateFor(party, certificates), network, !_settings.KeepCluster, token);
            lock (_thirdParties)
            {
                _thirdParties.Add(container);
            }
        }));

        await imageBuild;
        _node = await K3sNode.StartAsync(tar, network, !_settings.KeepCluster, token);
        _client = new k8s.Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(new MemoryStream(Encoding.UTF8.GetBytes(_node.Kubeconfig))));

        await K3sClusterSetup.WaitForNodeAndDnsAsync(_client, token);
        await RequireImportedImageAsync(token);
        using (var linkerd = LinkerdCertificates.Create(TimeSpan.FromDays(2)))
        {
            await K3sClusterSetup.InstallLinkerdAsync(_client, linkerd, _settings.LinkerdChartVersion, token);
        }

        var plan = new K3sInstallPlan(
            $"{ContainerImageBuild.ProxyRepository}:{_runId}",
            certificates.TrustedCaPem,
            RunNamespace.Name("third-parties", _runId),
            [.. _thirdParties.Select(party => new PlacedThirdParty(party.Party, party.Address))]);
        await K3sClusterSetup.ApplyAsync(_client, K3sInstall.Prepare(InfraManifests.Load(repository.InfraDirectory), plan), token);
        await K3sClusterSetup.RestartCoreDnsAsync(_client, token);
        await K3sClusterSetup.WaitForProxyAsync(_client, token);

        _apps = await AppPods.DeployAsync(_client, repository, _runId, token);
        await WaitUntilRuleAnswersAsync(_apps.Dns, token);
        _outside = new HttpApp("outside app (the test machine)", null);
    }

    public async Task<string> DiagnosticsAsync(CancellationToken cancellationToken)
    {
        if (_dockerMissing is not null)
        {
            return $"k3s target (not started): {_dockerMissing}";
        }

        var text = new StringBuilder($"k3s target, run {_runId}, node {_node?.ContainerId ?? "(not started)"} ({PinnedImages.K3s})\n");
        foreach (var party in _thirdParties)
        {
            text.AppendLine($"  third party {party.Role}: {party.Host} at {party.Address} (container {party.ContainerId})");
        }

        if (_client is not null)
        {
            string[] namespaces =
            [
                _apps?.Namespace ?? RunNamespace.Name("apps", _runId), EgressInstallNames.Namespace, EgressInstallNames.LinkerdNamespace,
                EgressInstallNames.KubeSystem, RunNamespace.Name("third-parties", _runId),
            ];
            text.Append(await ClusterDiagnostics.CollectAsync(_client, namespaces, LinkerdHelmCharts.ChartNamespace, cancellationToken));
        }

        if (_node is not null)
        {
            text.AppendLine("== k3s server log (last 100 lines)").AppendLine(await _node.LogTailAsync(100, cancellationToken));
        }

        return text.ToString();
    }

    public async ValueTask DisposeAsync()
    {
        _outside?.Dispose();
        if (_settings.KeepCluster && _node is not null)
        {
            // Disposing would stop the containers: keep them, and say how to reach and remove them.
            var kubeconfig = Path.Combine(_workDirectory!, "kubeconfig.yaml");
            await File.WriteAllTextAsync(kubeconfig, _node.Kubeconfig);
            await Console.Error.WriteLineAsync(
                $"{KubernetesEnvironmentVariables.KeepCluster}: kept k3s node {_node.ContainerId}; kubectl --kubeconfig {kubeconfig} get pods -A; "
                + $"remove with: docker rm -f -v {_node.ContainerId} {string.Join(' ', _thirdParties.Select(party => party.ContainerId))}");
            return;
        }

        _client?.Dispose();
        if (_node is not null)
        {
            await _node.DisposeAsync();
        }

        foreach (var party in _thirdParties)
        {
            await party.DisposeAsync();
        }

        if (_network is not null)
        {
            await _network.DisposeAsync();
        }

        _certificates?.Dispose();
        if (_workDirectory is not null && Directory.Exists(_workDirectory))
        {
            Directory.Delete(_workDirectory, recursive: true);
        }
    }

    private static System.Security.Cryptography.X509Certificates.X509Certificate2 CertificateFor(K3sThirdParty party, EphemeralCertificates certificates) =>
        party.Certificate switch
        {
            ServedCertificate.WrongName => certificates.Issue(certificates.TrustedCa, Local.AddressPlan.WrongCertificateName),
            ServedCertificate.SelfSigned => certificates.SelfSigned(party.Host),
            ServedCertificate.UntrustedIssuer => certificates.Issue(certificates.UntrustedCa, party.Host),
            _ => certificates.Issue(certificates.TrustedCa, party.Host),
        };

    private async Task RequireImportedImageAsync(CancellationToken cancellationToken)
    {
        var image = $"{ContainerImageBuild.ProxyRepository}:{_runId}";
        await Poll.UntilTrueAsync($"k3s to import the proxy image {image} from {K3sNode.ImageImportDirectory}", TimeSpan.FromMinutes(2), async token =>
        {
            var images = await _node!.ImportedImagesAsync(token);
            return (ContainerdImages.ListsKubeletReference(images, image), $"containerd has: {images.Replace('\n', ' ')}");
        }, cancellationToken);
    }

    /// <summary>The rule is in place when a pod's getaddrinfo resolves an egress name (CoreDNS may still serve a cached NXDOMAIN).</summary>
    private static Task WaitUntilRuleAnswersAsync(IClusterDns dns, CancellationToken cancellationToken) =>
        Poll.UntilTrueAsync("the cluster DNS to answer api.example.test.egress.local with the proxy", TimeSpan.FromMinutes(3), async token =>
        {
            var lookup = await dns.ResolveAsync("api.example.test.egress.local", token);
            return (lookup.Resolved, lookup.Failure ?? "resolved");
        }, cancellationToken);

    private AppPods Require(Capability capability) =>
        Lacks(capability) is null ? _apps ?? throw new InvalidOperationException("The k3s target is not started: call StartAsync first.") : throw Missing(capability);

    private TargetLacksCapabilityException Missing(Capability capability) =>
        new(capability, Lacks(capability) ?? "the k3s target is not started: call StartAsync first");
}
