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
        var chart = LinkerdHelmCharts.ControlPlane(certificates);

        // Then
        var values = new DeserializerBuilder().Build().Deserialize<Dictionary<string, object>>(chart.Spec.ValuesContent);
        Assert.Equal(certificates.TrustAnchorPem, values["identityTrustAnchorsPEM"]);
        var tls = (Dictionary<object, object>)((Dictionary<object, object>)((Dictionary<object, object>)values["identity"])["issuer"])["tls"];
        Assert.Equal(certificates.IssuerCertificatePem, tls["crtPEM"]);
        Assert.Equal(certificates.IssuerKeyPem, tls["keyPEM"]);
    }

    [Fact]
    public void Charts_ArePinnedEdgeChartsIntoTheLinkerdNamespaceWithABoundedRetry()
    {
        // Given
        using var certificates = LinkerdCertificates.Create(TimeSpan.FromDays(2));

        // When
        HelmChart[] charts = [LinkerdHelmCharts.Crds(), LinkerdHelmCharts.ControlPlane(certificates)];

        // Then
        Assert.Equal(["linkerd-crds", "linkerd-control-plane"], charts.Select(chart => chart.Spec.Chart));
        Assert.All(charts, chart =>
        {
            Assert.Equal("https://helm.linkerd.io/edge", chart.Spec.Repo);
            Assert.Equal("2026.8.4", chart.Spec.Version);
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
        var chart = LinkerdHelmCharts.Crds();

        // When
        var values = new DeserializerBuilder().Build().Deserialize<Dictionary<string, object>>(chart.Spec.ValuesContent);

        // Then
        Assert.Equal("true", values["installGatewayAPI"]);
    }

    [Fact]
    public void Serialize_HelmChart_IsAHelmCattleIoObjectWithCamelCaseSpec()
    {
        // Given
        var chart = LinkerdHelmCharts.Crds();

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
