using System.Net;
using System.Net.Sockets;
using EgressSpecs.Environments.Cluster;

namespace EgressSpecs.Environments.Tests.Cluster;

public sealed class ClusterTargetTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("egress-specs-cluster-").FullName;

    [Fact]
    public async Task StartAsync_NoKubeconfig_LacksEveryCapabilityNamingKubeconfig()
    {
        // Given
        var missing = Path.Combine(_directory, "missing.yaml");
        await using var target = new ClusterTarget(name => name == "KUBECONFIG" ? missing : null);

        // When
        await target.StartAsync(TestContext.Current.CancellationToken);

        // Then
        Assert.All(Enum.GetValues<Capability>(), capability => Assert.Contains("KUBECONFIG", target.Lacks(capability)));
        Assert.Throws<TargetLacksCapabilityException>(() => target.ClusterDns);
    }

    [Fact]
    public async Task StartAsync_ApiServerDoesNotAnswer_LacksEveryCapabilitySayingSo()
    {
        // Given
        var kubeconfig = Path.Combine(_directory, "config.yaml");
        await File.WriteAllTextAsync(kubeconfig, $$"""
            apiVersion: v1
            kind: Config
            current-context: dead
            clusters:
            - name: dead
              cluster:
                server: https://127.0.0.1:{{ClosedPort()}}
                insecure-skip-tls-verify: true
            contexts:
            - name: dead
              context: { cluster: dead, user: dead }
            users:
            - name: dead
              user: { token: t }
            """, TestContext.Current.CancellationToken);
        await using var target = new ClusterTarget(name => name == "KUBECONFIG" ? kubeconfig : null);

        // When
        await target.StartAsync(TestContext.Current.CancellationToken);

        // Then
        Assert.Contains("context 'dead'", target.Lacks(Capability.MeshedApp));
        Assert.Contains("does not answer", target.Lacks(Capability.MeshedApp));
        Assert.Contains("does not answer", await target.DiagnosticsAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public void Lacks_ReadyCluster_OnlyThirdPartiesProxyDownAndLocalOnlyCapabilities()
    {
        // Given
        var target = new ClusterTarget(_ => null);

        // When
        var lacking = Enum.GetValues<Capability>().Where(capability => target.Lacks(capability) is not null).ToList();

        // Then
        Assert.Equal([Capability.ProxyDown, Capability.ThirdParties, Capability.RawProxyConnection, Capability.OwnProxy], lacking.Order());
        Assert.Contains("allowlist", target.Lacks(Capability.ThirdParties));
        Assert.Contains("sidecar", target.Lacks(Capability.RawProxyConnection));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
