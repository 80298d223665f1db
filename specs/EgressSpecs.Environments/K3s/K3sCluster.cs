using System.Text;
using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Networks;
using EgressSpecs.Environments.Kubernetes;
using EgressSpecs.Environments.Support;
using EgressSpecs.Environments.ThirdParties;
using k8s;

namespace EgressSpecs.Environments.K3s;

/// <summary>
/// Provisions a throwaway k3s cluster (Testcontainers) with Linkerd and the egress install of <c>infra/</c>, and the
/// third-party program beside it, both images built from this repository. Each step is a phase of the run's log.
/// Without a Docker engine it fails at once, saying so.
/// </summary>
internal sealed class K3sCluster(K3sSettings settings, Func<string?> dockerMissing, TextWriter progress) : IClusterProvisioner
{
    private readonly string _runId = RunNamespace.NewRunId();
    private INetwork? _network;
    private K3sNode? _node;
    private ThirdPartiesContainer? _thirdParties;
    private k8s.Kubernetes? _client;
    private EphemeralCertificates? _certificates;
    private string? _workDirectory;

    public string Name => EgressTargets.K3s;

    public string? ThirdPartiesLacking => null;

    public async Task<ProvisionedCluster> ProvisionAsync(PhaseLog phases, CancellationToken cancellationToken)
    {
        await phases.RunAsync("Docker check", _ => dockerMissing() is { } missing
            ? throw new TargetUnavailableException(Name, missing)
            : Task.CompletedTask, cancellationToken);

        var repository = RepositoryLayout.Find(AppContext.BaseDirectory, out var notFound)
            ?? throw new TargetUnavailableException(Name, $"cannot find the repository's infra/: {notFound}");
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(settings.StartTimeout);
        var token = deadline.Token;

        _workDirectory = Directory.CreateTempSubdirectory("egress-specs-k3s-").FullName;
        // One recipe for both images, the one users build: the SDK's container publish. The proxy's goes to a Docker-format
        // archive k3s imports; the third parties' into the Docker engine that runs them. Nothing is pulled for either.
        var proxyImage = ContainerImageBuild.ToArchive(
            repository.ProxyProject, ContainerImageBuild.ProxyRepository, _runId, Path.Combine(_workDirectory, "egress-proxy.tar"));
        var thirdPartiesImage = ContainerImageBuild.ToLocalEngine(repository.ThirdPartiesProject, ThirdPartiesContainer.Repository, _runId);
        await phases.RunAsync("image builds", step => Task.WhenAll(
            proxyImage.BuildAsync(settings.StartTimeout, step), thirdPartiesImage.BuildAsync(settings.StartTimeout, step)), token);

        _network = new NetworkBuilder().WithCleanUp(!settings.KeepCluster).Build();
        _certificates = new EphemeralCertificates();
        await phases.RunAsync("third parties started", async step =>
        {
            await _network.CreateAsync(step);
            _thirdParties = await ThirdPartiesContainer.StartAsync(thirdPartiesImage.ImageName, _certificates, _network, !settings.KeepCluster, step);
        }, token);

        _node = await phases.RunAsync("node start", step => K3sNode.StartAsync(proxyImage.ArchivePath!, _network, !settings.KeepCluster, step), token);
        _client = new k8s.Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(new MemoryStream(Encoding.UTF8.GetBytes(_node.Kubeconfig))));
        await phases.RunAsync("node and CoreDNS ready", step => K3sClusterSetup.WaitForNodeAndDnsAsync(_client, step), token);
        await phases.RunAsync("image import", step => RequireImportedImageAsync(proxyImage.ImageName, step), token);
        await phases.RunAsync("Linkerd installed", async step =>
        {
            using var linkerd = LinkerdCertificates.Create(TimeSpan.FromDays(2));
            await K3sClusterSetup.InstallLinkerdAsync(_client, linkerd, settings.LinkerdChartVersion, step);
        }, token);

        var thirdPartyNamespace = RunNamespace.Name("third-parties", _runId);
        var plan = new K3sInstallPlan(
            proxyImage.ImageName,
            _certificates.TrustedCaPem,
            thirdPartyNamespace,
            [.. K3sThirdParty.All.Select(party => new PlacedThirdParty(party, _thirdParties!.Address))]);
        await phases.RunAsync("infra applied", step => K3sClusterSetup.ApplyAsync(_client, K3sInstall.Prepare(InfraManifests.Load(repository.InfraDirectory), plan), step), token);
        await phases.RunAsync("CoreDNS restarted onto the rule", step => K3sClusterSetup.RestartCoreDnsAsync(_client, step), token);
        await phases.RunAsync("proxy rolled out", step => K3sClusterSetup.WaitForProxyAsync(_client, step), token);

        return new ProvisionedCluster(
            _client,
            $"k3s node {_node.ContainerId[..Math.Min(12, _node.ContainerId.Length)]} ({PinnedImages.K3s}), third parties at {_thirdParties!.Address}",
            _thirdParties.Observations,
            [EgressInstallNames.LinkerdNamespace, EgressInstallNames.KubeSystem, thirdPartyNamespace],
            HelmJobNamespace: LinkerdHelmCharts.ChartNamespace);
    }

    public async Task<string> DiagnosticsAsync(CancellationToken cancellationToken)
    {
        var text = new StringBuilder();
        if (_thirdParties is not null)
        {
            text.AppendLine($"== third-party program {_thirdParties.ContainerId} at {_thirdParties.Address}, its log:")
                .AppendLine(await Describe(() => _thirdParties.LogsAsync(cancellationToken)));
        }

        if (_node is not null)
        {
            text.AppendLine("== k3s server log (last 100 lines)").AppendLine(await Describe(() => _node.LogTailAsync(100, cancellationToken)));
        }

        return text.ToString();
    }

    public async ValueTask DisposeAsync()
    {
        if (settings.KeepCluster && _node is not null && _workDirectory is not null)
        {
            // Disposing would stop the containers: keep them, and say how to reach and remove them.
            var kubeconfig = Path.Combine(_workDirectory, "kubeconfig.yaml");
            await File.WriteAllTextAsync(kubeconfig, _node.Kubeconfig);
            await progress.WriteLineAsync(
                $"{KubernetesEnvironmentVariables.KeepCluster}: kept k3s node {_node.ContainerId}; kubectl --kubeconfig {kubeconfig} get pods -A; "
                + $"remove with: docker rm -f -v {_node.ContainerId} {_thirdParties?.ContainerId}");
            return;
        }

        _client?.Dispose();
        _client = null;
        if (_node is not null)
        {
            await _node.DisposeAsync();
            _node = null;
        }

        if (_thirdParties is not null)
        {
            await _thirdParties.DisposeAsync();
            _thirdParties = null;
        }

        if (_network is not null)
        {
            await _network.DisposeAsync();
            _network = null;
        }

        _certificates?.Dispose();
        _certificates = null;
        if (_workDirectory is not null && Directory.Exists(_workDirectory))
        {
            Directory.Delete(_workDirectory, recursive: true);
        }
    }

    private static async Task<string> Describe(Func<Task<string>> read)
    {
        try
        {
            return await read();
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return $"(cannot read: {exception.Message})";
        }
    }

    private async Task RequireImportedImageAsync(string image, CancellationToken cancellationToken)
    {
        await Poll.UntilTrueAsync($"k3s to import the proxy image {image} from {K3sNode.ImageImportDirectory}", TimeSpan.FromMinutes(2), async token =>
        {
            var images = await _node!.ImportedImagesAsync(token);
            return (ContainerdImages.ListsKubeletReference(images, image), $"containerd has: {images.Replace('\n', ' ')}");
        }, cancellationToken);
    }
}
