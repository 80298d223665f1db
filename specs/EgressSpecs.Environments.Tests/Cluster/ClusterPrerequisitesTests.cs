using EgressSpecs.Environments.Cluster;
using k8s.Models;

namespace EgressSpecs.Environments.Tests.Cluster;

public sealed class ClusterPrerequisitesTests
{
    [Fact]
    public void Missing_EverythingInstalledAndReady_IsEmpty()
    {
        // Given
        var snapshot = Complete();

        // When
        var missing = ClusterPrerequisites.Missing(snapshot);

        // Then
        Assert.Empty(missing);
    }

    [Fact]
    public void Missing_NoLinkerd_NamesLinkerdOnce()
    {
        // Given
        var snapshot = Complete() with { LinkerdNamespace = null, LinkerdDeployments = new Dictionary<string, V1Deployment?>() };

        // When
        var missing = ClusterPrerequisites.Missing(snapshot);

        // Then
        Assert.Equal("Linkerd is not installed (no namespace linkerd)", Assert.Single(missing));
    }

    [Fact]
    public void Missing_ControlPlaneDeploymentUnavailable_NamesIt()
    {
        // Given
        var deployments = Complete().LinkerdDeployments.ToDictionary();
        deployments["linkerd-destination"] = Deployment("linkerd", "linkerd-destination", available: 0);
        var snapshot = Complete() with { LinkerdDeployments = deployments };

        // When
        var missing = ClusterPrerequisites.Missing(snapshot);

        // Then
        var problem = Assert.Single(missing);
        Assert.Contains("linkerd/linkerd-destination", problem);
        Assert.Contains("0 of 1 updated replicas are available", problem);
    }

    [Fact]
    public void Missing_NoRuleAndNoProxy_NamesBoth()
    {
        // Given
        var snapshot = Complete() with { CorednsCustom = null, Proxy = null };

        // When
        var missing = ClusterPrerequisites.Missing(snapshot);

        // Then
        Assert.Equal(2, missing.Count);
        Assert.StartsWith("the egress DNS rule:", missing[0]);
        Assert.Contains("no Deployment egress/egress-proxy", missing[1]);
    }

    [Fact]
    public void Missing_ForbiddenObject_IsReportedAsUnreadableNotAsAbsent()
    {
        // Given
        var snapshot = Complete() with { Proxy = null, Forbidden = ["deployment egress/egress-proxy"] };

        // When
        var missing = ClusterPrerequisites.Missing(snapshot);

        // Then
        var problem = Assert.Single(missing);
        Assert.Contains("may not read deployment egress/egress-proxy (forbidden)", problem);
    }

    private static ClusterSnapshot Complete() => new()
    {
        LinkerdNamespace = new V1Namespace { Metadata = new V1ObjectMeta { Name = "linkerd" } },
        LinkerdDeployments = new Dictionary<string, V1Deployment?>
        {
            ["linkerd-identity"] = Deployment("linkerd", "linkerd-identity", available: 1),
            ["linkerd-destination"] = Deployment("linkerd", "linkerd-destination", available: 1),
            ["linkerd-proxy-injector"] = Deployment("linkerd", "linkerd-proxy-injector", available: 1),
        },
        CorednsCustom = new V1ConfigMap
        {
            Data = new Dictionary<string, string>
            {
                ["egress.override"] = @"rewrite stop name regex ^(.+)\.egress\.local\.$ proxy.egress.svc.cluster.local. answer auto" + "\n",
            },
        },
        Proxy = Deployment("egress", "egress-proxy", available: 1),
    };

    private static V1Deployment Deployment(string ns, string name, int available) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns, Generation = 1 },
        Spec = new V1DeploymentSpec { Replicas = 1 },
        Status = new V1DeploymentStatus
        {
            ObservedGeneration = 1,
            UpdatedReplicas = 1,
            AvailableReplicas = available,
            Conditions = [new V1DeploymentCondition { Type = "Available", Status = available > 0 ? "True" : "False" }],
        },
    };
}
