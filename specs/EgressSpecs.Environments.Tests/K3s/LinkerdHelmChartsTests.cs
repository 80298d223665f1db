using EgressSpecs.Environments.K3s;
using EgressSpecs.Environments.Kubernetes;
using k8s;
using YamlDotNet.Serialization;

namespace EgressSpecs.Environments.Tests.K3s;

public sealed class LinkerdHelmChartsTests
{
    [Fact]
    public void ControlPlane_ValuesContent_CarriesTheHarnessPemsUnchanged()
    {
        // Given
        using var certificates = LinkerdCertificates.Create(TimeSpan.FromDays(2));

        // When
        var chart = LinkerdHelmCharts.ControlPlane(certificates, LinkerdHelmCharts.ChartVersion);

        // Then
        var values = new DeserializerBuilder().Build().Deserialize<Dictionary<string, object>>(chart.Spec.ValuesContent);
        Assert.Equal(certificates.TrustAnchorPem, values["identityTrustAnchorsPEM"]);
        var tls = (Dictionary<object, object>)((Dictionary<object, object>)((Dictionary<object, object>)values["identity"])["issuer"])["tls"];
        Assert.Equal(certificates.IssuerCertificatePem, tls["crtPEM"]);
        Assert.Equal(certificates.IssuerKeyPem, tls["keyPEM"]);
    }

    [Fact]
    public void ChartVersion_IsTheChartVersionOfTheNewestEdgeTagWithEvidence()
    {
        // Given: linkerd/linkerd2 tag edge-26.8.3; bin/compute-edge-version publishes edge-YY.M.N as chart 20YY.M.N.

        // When
        var version = LinkerdHelmCharts.ChartVersion;

        // Then
        Assert.Equal("2026.8.3", version);
        Assert.Null(LinkerdHelmCharts.VersionProblem(version));
    }

    [Fact]
    public void Charts_GivenVersion_BothChartsUseIt()
    {
        // Given
        using var certificates = LinkerdCertificates.Create(TimeSpan.FromDays(2));

        // When
        HelmChart[] charts = [LinkerdHelmCharts.Crds("2026.7.2"), LinkerdHelmCharts.ControlPlane(certificates, "2026.7.2")];

        // Then
        Assert.All(charts, chart => Assert.Equal("2026.7.2", chart.Spec.Version));
    }

    [Theory]
    [InlineData("2026.8.3")]
    [InlineData("2025.12.10")]
    [InlineData("2026.1.1")]
    public void VersionProblem_EdgeChartVersion_IsNone(string version)
    {
        // Given: the shape bin/compute-edge-version writes, yyyy.m.n.

        // When
        var problem = LinkerdHelmCharts.VersionProblem(version);

        // Then
        Assert.Null(problem);
    }

    [Theory]
    [InlineData("edge-26.8.3", "is an edge tag, not a chart version; its charts are version 2026.8.3")]
    [InlineData("2026.08.3", "is not a Linkerd edge chart version")]
    [InlineData("2026.13.1", "is not a Linkerd edge chart version")]
    [InlineData("2026.8.0", "is not a Linkerd edge chart version")]
    [InlineData("1.16.11", "is not a Linkerd edge chart version")]
    [InlineData("2026.8.3\n", "is not a Linkerd edge chart version")]
    [InlineData("latest", "is not a Linkerd edge chart version")]
    public void VersionProblem_OtherShapes_SayWhatIsExpected(string version, string expected)
    {
        // Given: stable releases (1.16.x, enterprise) are not in the edge repository; a month never has a leading zero.

        // When
        var problem = LinkerdHelmCharts.VersionProblem(version);

        // Then
        Assert.NotNull(problem);
        Assert.Contains(expected, problem);
    }

    [Fact]
    public void Charts_ArePinnedEdgeChartsIntoTheLinkerdNamespaceWithABoundedRetry()
    {
        // Given
        using var certificates = LinkerdCertificates.Create(TimeSpan.FromDays(2));

        // When
        HelmChart[] charts = [LinkerdHelmCharts.Crds(LinkerdHelmCharts.ChartVersion), LinkerdHelmCharts.ControlPlane(certificates, LinkerdHelmCharts.ChartVersion)];

        // Then
        Assert.Equal(["linkerd-crds", "linkerd-control-plane"], charts.Select(chart => chart.Spec.Chart));
        Assert.All(charts, chart =>
        {
            Assert.Equal("https://helm.linkerd.io/edge", chart.Spec.Repo);
            Assert.Equal("2026.8.3", chart.Spec.Version);
            Assert.Equal("linkerd", chart.Spec.TargetNamespace);
            Assert.Equal("kube-system", chart.Metadata.NamespaceProperty);
            Assert.Equal(3, chart.Spec.BackOffLimit);
            Assert.Equal($"helm-install-{chart.Metadata.Name}", chart.InstallJobName);
        });
        Assert.True(charts[0].Spec.CreateNamespace);
    }

    [Fact]
    public void Crds_InstallTheGatewayApiCrdsLinkerdNeeds()
    {
        // Given
        var chart = LinkerdHelmCharts.Crds(LinkerdHelmCharts.ChartVersion);

        // When
        var values = new DeserializerBuilder().Build().Deserialize<Dictionary<string, object>>(chart.Spec.ValuesContent);

        // Then
        Assert.Equal("true", values["installGatewayAPI"]);
    }

    [Fact]
    public void Serialize_HelmChart_IsAHelmCattleIoObjectWithCamelCaseSpec()
    {
        // Given
        var chart = LinkerdHelmCharts.Crds(LinkerdHelmCharts.ChartVersion);

        // When
        var json = KubernetesJson.Serialize(chart);

        // Then
        Assert.Contains("\"apiVersion\":\"helm.cattle.io/v1\"", json);
        Assert.Contains("\"kind\":\"HelmChart\"", json);
        Assert.Contains("\"targetNamespace\":\"linkerd\"", json);
        Assert.Contains("\"backOffLimit\":3", json);
        Assert.Contains("\"valuesContent\":", json);
        Assert.DoesNotContain("InstallJobName", json, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(RunNamespace.ManagedByValue, chart.Metadata.Labels[RunNamespace.ManagedByLabel]);
    }
}
