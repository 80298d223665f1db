using System.Text;
using DotNet.Testcontainers.Networks;
using EgressSpecs.Environments.Kubernetes;
using Testcontainers.K3s;

namespace EgressSpecs.Environments.K3s;

/// <summary>
/// The k3s node: a privileged <c>rancher/k3s</c> container (Testcontainers.K3s) on the run's Docker network, with
/// the proxy image tar in <c>agent/images</c> before it boots (copied at create time, imported at boot).
/// </summary>
internal sealed class K3sNode : IAsyncDisposable
{
    /// <summary>k3s imports every tar in this folder at boot (docs.k3s.io/import-images).</summary>
    public const string ImageImportDirectory = "/var/lib/rancher/k3s/agent/images/";

    private readonly K3sContainer _container;

    private K3sNode(K3sContainer container, string kubeconfig)
    {
        _container = container;
        Kubeconfig = kubeconfig;
    }

    /// <summary>A kubeconfig whose server is the node's API on a random loopback port.</summary>
    public string Kubeconfig { get; }

    public string ContainerId => _container.Id;

    public static async Task<K3sNode> StartAsync(string proxyImageTar, INetwork network, bool cleanUp, CancellationToken cancellationToken)
    {
        var container = new K3sBuilder(PinnedImages.K3s)
            .WithNetwork(network)
            .WithResourceMapping(new FileInfo(proxyImageTar), ImageImportDirectory)
            .WithCleanUp(cleanUp)
            .Build();
        await container.StartAsync(cancellationToken);
        return new K3sNode(container, await container.GetKubeconfigAsync());
    }

    /// <summary>The images containerd has in the namespace kubelet uses, one reference per line.</summary>
    public async Task<string> ImportedImagesAsync(CancellationToken cancellationToken)
    {
        var result = await _container.ExecAsync(["k3s", "ctr", "-n", "k8s.io", "images", "ls", "-q"], cancellationToken);
        return result.ExitCode == 0
            ? result.Stdout
            : throw new InvalidOperationException($"'k3s ctr images ls' failed in the k3s node (exit {result.ExitCode}): {result.Stderr}");
    }

    /// <summary>The end of the k3s server's own log, for failure reports.</summary>
    public async Task<string> LogTailAsync(int lines, CancellationToken cancellationToken)
    {
        var (stdout, stderr) = await _container.GetLogsAsync(timestampsEnabled: false, ct: cancellationToken);
        var all = (stdout + stderr).Split('\n');
        return new StringBuilder().AppendJoin('\n', all.Skip(Math.Max(0, all.Length - lines))).ToString();
    }

    public ValueTask DisposeAsync() => _container.DisposeAsync();
}
