using EgressSpecs.Environments.Cluster;
using EgressSpecs.Environments.Tests.Kubernetes;

namespace EgressSpecs.Environments.Tests.Cluster;

public sealed class ClusterPrerequisitesReadTests : IDisposable
{
    private readonly FakeApiServer _api = new();

    [Fact]
    public async Task ReadAsync_NotFoundAndForbidden_AreAbsentAndUnreadableAndTheRestIsRead()
    {
        // Given
        _api.Answer("GET", "/api/v1/namespaces/linkerd", 404, FakeApiServer.Status(404, "NotFound"));
        _api.Answer("GET", "/apis/apps/v1/namespaces/egress/deployments/egress-proxy", 403, FakeApiServer.Status(403, "Forbidden"));
        _api.Answer("GET", "/api/v1/namespaces/kube-system/configmaps/coredns", 404, FakeApiServer.Status(404, "NotFound"));
        _api.Answer("GET", "/api/v1/namespaces/kube-system/configmaps/coredns-custom", 200,
            """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"coredns-custom","namespace":"kube-system"},"data":{"egress.override":"rewrite stop name regex ^(.+)\\.egress\\.local\\.$ proxy.egress.svc.cluster.local. answer auto\n"}}""");

        // When
        var snapshot = await ClusterPrerequisites.ReadAsync(_api.Client, TestContext.Current.CancellationToken);
        var missing = ClusterPrerequisites.Missing(snapshot);

        // Then
        Assert.Null(snapshot.LinkerdNamespace);
        Assert.Empty(snapshot.LinkerdDeployments);
        Assert.Null(snapshot.Coredns);
        Assert.Equal("coredns-custom", snapshot.CorednsCustom!.Metadata.Name);
        Assert.Equal(["deployment egress/egress-proxy"], snapshot.Forbidden);
        Assert.Equal(2, missing.Count);
        Assert.Contains(missing, problem => problem.Contains("forbidden", StringComparison.Ordinal));
        Assert.Contains(missing, problem => problem.StartsWith("Linkerd is not installed", StringComparison.Ordinal));
    }

    public void Dispose() => _api.Dispose();
}
