using EgressSpecs.Environments.Kubernetes;
using EgressSpecs.Environments.Local;
using EgressSpecs.Environments.Support;

namespace EgressSpecs.Environments.Tests;

/// <summary>Needs are declared by tags, decided per target, and a scenario cannot use what it did not declare.</summary>
public sealed class DeclaredNeedsTests
{
    [Fact]
    public void Declared_NeedTagsFromScenarioRuleAndFeature_AreTheirCapabilities()
    {
        // When
        var declared = CapabilityTags.Declared(["forwarding", "needs-third-parties", "@needs-mesh", "poc-defect-6", "NEEDS-PROXY-ADMIN"]);

        // Then
        Assert.Equal([Capability.ThirdParties, Capability.ProxyAdmin, Capability.Mesh], declared);
    }

    [Fact]
    public void Declared_UnknownNeedTag_FailsNamingTheKnownOnes()
    {
        // When
        var failure = Assert.Throws<ArgumentException>(() => CapabilityTags.Declared(["needs-cluster"]));

        // Then
        Assert.Contains("@needs-cluster", failure.Message);
        Assert.Contains("@needs-unmeshed-pod", failure.Message);
    }

    [Fact]
    public void ByCapability_EveryCapabilityHasOneTag_AndTheGlossaryExplainsIt()
    {
        // Given
        var repository = RepositoryLayout.Find(AppContext.BaseDirectory, out var missing) ?? throw new InvalidOperationException(missing);
        var glossary = File.ReadAllText(Path.Combine(repository.Root, "specs", "EgressSpecs.Specs", "Features", "_Glossary.md"));

        // When / Then
        Assert.Equal(Enum.GetValues<Capability>().Order(), CapabilityTags.ByCapability.Keys.Order());
        Assert.All(CapabilityTags.ByCapability.Values, tag => Assert.Contains($"`@{tag}`", glossary));
    }

    [Fact]
    public void FeatureFiles_UseOnlyKnownNeedTags()
    {
        // Given
        var repository = RepositoryLayout.Find(AppContext.BaseDirectory, out var missing) ?? throw new InvalidOperationException(missing);
        var features = Directory.GetFiles(Path.Combine(repository.Root, "specs", "EgressSpecs.Specs", "Features"), "*.feature", SearchOption.AllDirectories);

        // When
        var tags = features.SelectMany(File.ReadAllLines)
            .Where(line => line.TrimStart().StartsWith('@'))
            .SelectMany(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries));

        // Then: Declared throws for an unknown need tag
        Assert.NotEmpty(CapabilityTags.Declared(tags));
    }

    [Theory]
    [InlineData(Capability.ThirdParties)]
    [InlineData(Capability.ProxyAdmin)]
    [InlineData(Capability.Mesh)]
    [InlineData(Capability.UnmeshedPod)]
    [InlineData(Capability.ProxyDown)]
    [InlineData(Capability.RawProxyConnection)]
    [InlineData(Capability.OwnProxy)]
    public async Task DeclaredNeedsTarget_UsingAnUndeclaredCapability_FailsNamingItsTag(Capability capability)
    {
        // Given: a target that has everything, seen by a scenario that declared nothing
        var target = new DeclaredNeedsTarget(new LocalTarget(new LocalTargetSettings()), []);

        // When
        var failure = await Record.ExceptionAsync(() => Use(target, capability));

        // Then
        var undeclared = Assert.IsType<UndeclaredCapabilityException>(failure);
        Assert.Equal(capability, undeclared.Capability);
        Assert.Contains($"@{CapabilityTags.ByCapability[capability]}", undeclared.Message);
    }

    [Fact]
    public void DeclaredNeedsTarget_BaselineMembers_NeedNoDeclaration()
    {
        // Given
        var target = new DeclaredNeedsTarget(new LocalTarget(new LocalTargetSettings()), []);

        // When / Then: the local target is not started, so it says so, which proves the guard let the call through
        Assert.Contains("not started", Assert.Throws<InvalidOperationException>(() => target.MeshedApp).Message);
        Assert.Contains("not started", Assert.Throws<InvalidOperationException>(() => target.ClusterDns).Message);
    }

    [Fact]
    public async Task Lacks_PerTarget_LocalRunsWhatNeedsNoClusterAndTheClusterTargetsTheRest()
    {
        // Given
        await using var local = new LocalTarget(new LocalTargetSettings());
        await using var k3s = new KubernetesTarget(new Environments.K3s.K3sCluster(new Environments.K3s.K3sSettings(), () => null, TextWriter.Null), TextWriter.Null);
        await using var cluster = new KubernetesTarget(new Environments.Cluster.ExistingCluster(_ => null), TextWriter.Null);

        // When
        string Runs(IEgressTarget target) => string.Join(",", Enum.GetValues<Capability>().Where(need => target.Lacks(need) is null));

        // Then
        Assert.Equal("ThirdParties,ProxyAdmin,ProxyDown,RawProxyConnection,OwnProxy,SpecialPurposeNames", Runs(local));
        Assert.Equal("ThirdParties,ProxyAdmin,Mesh,UnmeshedPod,NetworkPolicy", Runs(k3s));
        Assert.Equal("ProxyAdmin,Mesh,UnmeshedPod,NetworkPolicy", Runs(cluster));
    }

    private static async Task Use(IEgressTarget target, Capability capability)
    {
        switch (capability)
        {
            case Capability.ThirdParties: _ = target.ThirdParties; break;
            case Capability.ProxyAdmin: _ = target.ProxyAdmin; break;
            case Capability.Mesh: await target.LinkerdMetricsTextAsync(CancellationToken.None); break;
            case Capability.UnmeshedPod: _ = target.UnmeshedApp; break;
            case Capability.ProxyDown: _ = target.MeshedAppWhenProxyIsDown; break;
            case Capability.RawProxyConnection: await target.ConnectToProxyAsync(CancellationToken.None); break;
            case Capability.OwnProxy: await target.StartOwnProxyAsync(TimeSpan.Zero, TimeSpan.Zero, CancellationToken.None); break;
            default: throw new ArgumentOutOfRangeException(nameof(capability));
        }
    }
}
