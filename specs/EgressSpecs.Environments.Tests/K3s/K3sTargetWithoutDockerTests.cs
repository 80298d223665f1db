using EgressSpecs.Environments.K3s;

namespace EgressSpecs.Environments.Tests.K3s;

public sealed class K3sTargetWithoutDockerTests
{
    [Fact]
    public async Task StartAsync_NoDocker_StartsNothingAndLacksEveryCapabilityWithTheReason()
    {
        // Given
        await using var target = new K3sTarget(new K3sSettings(), () => DockerAvailability.Missing(() => false));

        // When
        await target.StartAsync(TestContext.Current.CancellationToken);

        // Then
        Assert.Equal("k3s", target.Name);
        Assert.All(Enum.GetValues<Capability>(), capability => Assert.Equal(DockerAvailability.MissingReason, target.Lacks(capability)));
        var failure = Assert.Throws<TargetLacksCapabilityException>(() => target.MeshedApp);
        Assert.Equal(DockerAvailability.MissingReason, failure.Reason);
        Assert.Throws<TargetLacksCapabilityException>(() => target.ThirdParties);
        Assert.Contains("Docker", await target.DiagnosticsAsync(TestContext.Current.CancellationToken));
        await Assert.ThrowsAsync<TargetLacksCapabilityException>(() => ((IEgressTarget)target).LinkerdMetricsTextAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public void Lacks_WithDocker_OnlyWhatAMeshedPodCannotObserveOrTheLocalTargetOwns()
    {
        // Given
        var target = new K3sTarget(new K3sSettings(), () => null);

        // When
        var lacking = Enum.GetValues<Capability>().Where(capability => target.Lacks(capability) is not null).ToList();

        // Then
        Assert.Equal([Capability.ProxyDown, Capability.RawProxyConnection, Capability.OwnProxy], lacking);
        Assert.Contains("Linkerd", target.Lacks(Capability.ProxyDown));
        Assert.Contains("shutdown", target.Lacks(Capability.OwnProxy));
    }
}
