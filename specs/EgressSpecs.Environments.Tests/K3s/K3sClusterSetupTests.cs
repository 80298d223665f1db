using EgressSpecs.Environments.K3s;
using EgressSpecs.Environments.Tests.Kubernetes;

namespace EgressSpecs.Environments.Tests.K3s;

public sealed class K3sClusterSetupTests : IDisposable
{
    private const string AvailableCoreDns = """
        {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"coredns","namespace":"kube-system","generation":2},
         "spec":{"replicas":1},
         "status":{"observedGeneration":2,"updatedReplicas":1,"availableReplicas":1,"conditions":[{"type":"Available","status":"True"}]}}
        """;

    private readonly FakeApiServer _api = new();

    [Fact]
    public async Task RestartCoreDnsAsync_PatchesThePodTemplateAsRolloutRestartDoesAndWaitsForAvailability()
    {
        // Given
        _api.Answer("GET", "/apis/apps/v1/namespaces/kube-system/deployments/coredns", 200, AvailableCoreDns);

        // When
        await K3sClusterSetup.RestartCoreDnsAsync(_api.Client, TestContext.Current.CancellationToken);

        // Then
        var patch = Assert.Single(_api.Requests, entry => entry.RequestMessage.Method == "PATCH").RequestMessage;
        Assert.Equal("/apis/apps/v1/namespaces/kube-system/deployments/coredns", patch.Path);
        Assert.StartsWith("application/strategic-merge-patch+json", patch.Headers!["Content-Type"].First());
        Assert.Contains("\"kubectl.kubernetes.io/restartedAt\"", patch.Body);
        Assert.Contains(_api.Requests, entry => entry.RequestMessage.Method == "GET");
    }

    [Fact]
    public async Task WaitForDeploymentAsync_MissingDeployment_KeepsAskingUntilCancelled()
    {
        // Given
        _api.Answer("GET", "/apis/apps/v1/namespaces/egress/deployments/egress-proxy", 404, FakeApiServer.Status(404, "NotFound"));
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(3));

        // When
        var failure = await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => K3sClusterSetup.WaitForDeploymentAsync(_api.Client, "egress", "egress-proxy", cancel.Token));

        // Then
        Assert.True(cancel.IsCancellationRequested, failure.Message);
        Assert.Contains("last seen: Deployment egress/egress-proxy does not exist yet", failure.Message);
        Assert.All(_api.Requests, entry => Assert.Equal("/apis/apps/v1/namespaces/egress/deployments/egress-proxy", entry.RequestMessage.Path));
    }

    [Fact]
    public async Task WaitForDeploymentAsync_ProgressDeadlineExceeded_FailsAtOnceWithTheReason()
    {
        // Given
        _api.Answer("GET", "/apis/apps/v1/namespaces/egress/deployments/egress-proxy", 200, """
            {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"egress-proxy","namespace":"egress","generation":1},
             "spec":{"replicas":2},
             "status":{"observedGeneration":1,"replicas":2,"updatedReplicas":2,"availableReplicas":0,
              "conditions":[{"type":"Progressing","status":"False","reason":"ProgressDeadlineExceeded",
               "message":"ReplicaSet \"egress-proxy-5c8d\" has timed out progressing."}]}}
            """);

        // When
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(
            () => K3sClusterSetup.WaitForDeploymentAsync(_api.Client, "egress", "egress-proxy", TestContext.Current.CancellationToken));

        // Then
        Assert.Contains("Deployment egress/egress-proxy exceeded its progress deadline", failure.Message);
        Assert.Contains("has timed out progressing", failure.Message);
        Assert.Single(_api.Requests);
    }

    public void Dispose() => _api.Dispose();
}
