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
        Assert.Null(target.Lacks(Capability.MeshedApp));
        Assert.NotNull(target.Lacks(Capability.UnmeshedApp));
    }

    [Theory]
    [InlineData("k3s")]
    [InlineData("cluster")]
    public void FromVariables_ClusterTargets_LackEveryCapabilityBecauseNotBuiltYet(string value)
    {
        // Given
        var variables = new Dictionary<string, string?> { [EgressEnvironmentVariables.Target] = value };

        // When
        var target = EgressTargets.FromVariables(name => variables.GetValueOrDefault(name));

        // Then
        Assert.Equal(value, target.Name);
        Assert.All(Enum.GetValues<Capability>(), capability => Assert.Equal($"the {value} target is not built yet", target.Lacks(capability)));
        var failure = Assert.Throws<TargetLacksCapabilityException>(() => target.MeshedApp);
        Assert.Equal(Capability.MeshedApp, failure.Capability);
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
