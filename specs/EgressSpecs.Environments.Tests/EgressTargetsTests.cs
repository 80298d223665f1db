namespace EgressSpecs.Environments.Tests;

public sealed class EgressTargetsTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("local")]
    [InlineData(" LOCAL ")]
    public void FromVariables_UnsetOrLocal_IsTheLocalTarget(string? value)
    {
        // Given
        var variables = new Dictionary<string, string?> { [EgressEnvironmentVariables.Target] = value };

        // When
        var target = EgressTargets.FromVariables(name => variables.GetValueOrDefault(name));

        // Then
        Assert.Equal("local", target.Name);
        Assert.Null(target.Lacks(Capability.ThirdParties));
        Assert.NotNull(target.Lacks(Capability.UnmeshedPod));
    }

    [Fact]
    public void FromVariables_K3s_IsTheK3sTarget()
    {
        // Given
        var variables = new Dictionary<string, string?> { [EgressEnvironmentVariables.Target] = "k3s" };

        // When
        var target = EgressTargets.FromVariables(name => variables.GetValueOrDefault(name));

        // Then
        Assert.IsType<Environments.Kubernetes.KubernetesTarget>(target);
        Assert.Equal("k3s", target.Name);
        Assert.Null(target.Lacks(Capability.ThirdParties));
    }

    [Fact]
    public void FromVariables_Cluster_IsTheClusterTargetWhichDeploysNoThirdParties()
    {
        // Given
        var variables = new Dictionary<string, string?> { [EgressEnvironmentVariables.Target] = "cluster" };

        // When
        var target = EgressTargets.FromVariables(name => variables.GetValueOrDefault(name));

        // Then
        Assert.IsType<Environments.Kubernetes.KubernetesTarget>(target);
        Assert.Equal("cluster", target.Name);
        Assert.Contains("allowlist", target.Lacks(Capability.ThirdParties));
    }

    [Fact]
    public async Task LinkerdMetricsTextAsync_LocalTarget_FailsWithItsLacksReason()
    {
        // Given
        IEgressTarget target = EgressTargets.FromVariables(_ => null);

        // When
        var failure = await Assert.ThrowsAsync<TargetLacksCapabilityException>(() => target.LinkerdMetricsTextAsync(TestContext.Current.CancellationToken));

        // Then
        Assert.Equal(Capability.Mesh, failure.Capability);
        Assert.Equal(target.Lacks(Capability.Mesh), failure.Reason);
    }

    [Fact]
    public void FromVariables_UnknownTarget_FailsListingTheValidOnes()
    {
        // Given
        var variables = new Dictionary<string, string?> { [EgressEnvironmentVariables.Target] = "minikube" };

        // When
        var failure = Assert.Throws<InvalidOperationException>(() => EgressTargets.FromVariables(name => variables.GetValueOrDefault(name)));

        // Then
        Assert.Contains("EGRESS_SPECS_TARGET='minikube'", failure.Message);
        Assert.Contains("local, k3s, cluster", failure.Message);
    }
}
