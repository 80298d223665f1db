using EgressSpecs.Environments.Cluster;
using EgressSpecs.Environments.K3s;
using EgressSpecs.Environments.Kubernetes;

namespace EgressSpecs.Environments.Tests.Kubernetes;

/// <summary>What the cluster targets do where they cannot run: fail the start, saying what is missing.</summary>
public sealed class KubernetesTargetTests
{
    private readonly CancellationToken _cancellationToken = TestContext.Current.CancellationToken;

    [Fact]
    public async Task StartAsync_K3sWithoutDocker_FailsNamingDockerAndWhatToDo()
    {
        // Given
        var progress = new StringWriter();
        await using var target = new KubernetesTarget(new K3sCluster(new K3sSettings(), () => DockerAvailability.MissingReason, progress), progress);

        // When
        var failure = await Assert.ThrowsAsync<TargetUnavailableException>(() => target.StartAsync(_cancellationToken));

        // Then
        Assert.Equal("k3s", failure.Target);
        Assert.StartsWith(DockerAvailability.MissingReason, failure.Reason);
        Assert.Contains("EGRESS_SPECS_TARGET=local", failure.Message);
        Assert.Contains("[k3s] Docker check:", progress.ToString());
        Assert.Contains("failed", progress.ToString());
    }

    [Fact]
    public async Task StartAsync_ClusterWithoutKubeconfig_FailsNamingTheKubeconfig()
    {
        // Given
        var missing = Path.Combine(Path.GetTempPath(), $"egress-specs-no-kubeconfig-{Guid.NewGuid():N}");
        var variables = new Dictionary<string, string?> { ["KUBECONFIG"] = missing };
        var progress = new StringWriter();
        await using var target = new KubernetesTarget(new ExistingCluster(name => variables.GetValueOrDefault(name)), progress);

        // When
        var failure = await Assert.ThrowsAsync<TargetUnavailableException>(() => target.StartAsync(_cancellationToken));

        // Then
        Assert.Equal("cluster", failure.Target);
        Assert.Contains("no cluster to run against", failure.Reason);
        Assert.Contains(missing, failure.Reason);
    }

    [Theory]
    [InlineData(Capability.RawProxyConnection)]
    [InlineData(Capability.OwnProxy)]
    [InlineData(Capability.ProxyDown)]
    public async Task Lacks_LocalOnlyCapabilities_GivesTheReasonOnBothClusterTargets(Capability capability)
    {
        // Given
        await using var k3s = new KubernetesTarget(new K3sCluster(new K3sSettings(), () => null, TextWriter.Null), TextWriter.Null);
        await using var cluster = new KubernetesTarget(new ExistingCluster(_ => null), TextWriter.Null);

        // When / Then
        Assert.NotNull(k3s.Lacks(capability));
        Assert.Equal(k3s.Lacks(capability), cluster.Lacks(capability));
    }

    [Fact]
    public async Task Lacks_ThirdParties_OnlyTheExistingClusterLacksThem()
    {
        // Given
        await using var k3s = new KubernetesTarget(new K3sCluster(new K3sSettings(), () => null, TextWriter.Null), TextWriter.Null);
        await using var cluster = new KubernetesTarget(new ExistingCluster(_ => null), TextWriter.Null);

        // When / Then
        Assert.Null(k3s.Lacks(Capability.ThirdParties));
        Assert.Equal(ExistingCluster.NoThirdParties, cluster.Lacks(Capability.ThirdParties));
    }
}
