using System.Web;
using EgressSpecs.Environments.K3s;
using EgressSpecs.Environments.Kubernetes;
using EgressSpecs.Environments.Tests.K3s;
using k8s;
using k8s.Models;

namespace EgressSpecs.Environments.Tests.Kubernetes;

public sealed class ManifestApplyTests : IDisposable
{
    private readonly FakeApiServer _api = new();

    [Fact]
    public async Task ApplyAsync_EveryKindTheK3sTargetApplies_IsAServerSideApplyPatchOnItsOwnUrl()
    {
        // Given
        var plan = new K3sInstallPlan("egress-specs/proxy:t", "ca", "egress-specs-third-parties-t", [new PlacedThirdParty(K3sThirdParty.All[1], "172.18.0.9")]);
        List<IKubernetesObject<V1ObjectMeta>> objects = [.. K3sInstall.Prepare(InfraManifests.Load(InfraFixture.Repository.InfraDirectory), plan), LinkerdHelmCharts.Crds(LinkerdHelmCharts.ChartVersion)];

        // When
        foreach (var item in objects)
        {
            await ManifestApply.ApplyAsync(_api.Client, item, TestContext.Current.CancellationToken);
        }

        // Then
        var requests = _api.Requests;
        Assert.Equal(objects.Count, requests.Count);
        foreach (var (item, entry) in objects.Zip(requests))
        {
            var request = entry.RequestMessage;
            Assert.Equal("PATCH", request.Method);
            Assert.Equal(ExpectedPath(item), request.Path);
            var query = HttpUtility.ParseQueryString(new Uri(request.Url).Query);
            Assert.Equal("egress-specs", query["fieldManager"]);
            Assert.Equal("true", query["force"]);
            Assert.StartsWith("application/apply-patch+yaml", request.Headers!["Content-Type"].First());
            Assert.Contains($"\"kind\":\"{item.Kind}\"", request.Body);
        }
    }

    [Fact]
    public async Task ApplyAsync_NamespacedObjectWithoutNamespace_IsRefusedBeforeAnyCall()
    {
        // Given
        var map = new V1ConfigMap { ApiVersion = "v1", Kind = "ConfigMap", Metadata = new V1ObjectMeta { Name = "x" } };

        // When
        var failure = await Assert.ThrowsAsync<ArgumentException>(() => ManifestApply.ApplyAsync(_api.Client, map, TestContext.Current.CancellationToken));

        // Then
        Assert.Contains("no namespace", failure.Message);
        Assert.Empty(_api.Requests);
    }

    public void Dispose() => _api.Dispose();

    private static string ExpectedPath(IKubernetesObject<V1ObjectMeta> item)
    {
        var name = item.Metadata.Name;
        var ns = item.Metadata.NamespaceProperty;
        return item switch
        {
            V1Namespace => $"/api/v1/namespaces/{name}",
            V1ConfigMap => $"/api/v1/namespaces/{ns}/configmaps/{name}",
            V1Secret => $"/api/v1/namespaces/{ns}/secrets/{name}",
            V1Service => $"/api/v1/namespaces/{ns}/services/{name}",
            V1Deployment => $"/apis/apps/v1/namespaces/{ns}/deployments/{name}",
            V1PodDisruptionBudget => $"/apis/policy/v1/namespaces/{ns}/poddisruptionbudgets/{name}",
            V1NetworkPolicy => $"/apis/networking.k8s.io/v1/namespaces/{ns}/networkpolicies/{name}",
            V1EndpointSlice => $"/apis/discovery.k8s.io/v1/namespaces/{ns}/endpointslices/{name}",
            HelmChart => $"/apis/helm.cattle.io/v1/namespaces/{ns}/helmcharts/{name}",
            _ => throw new InvalidOperationException($"no expected path for {item.Kind}"),
        };
    }
}
