using System.Net;
using System.Net.Sockets;
using EgressSpecs.Environments.Kubernetes;
using k8s;

namespace EgressSpecs.Environments.Tests.Kubernetes;

public sealed class ClusterDiagnosticsTests : IDisposable
{
    private const string FailedHelmJobs = """
        {"apiVersion":"batch/v1","kind":"JobList","items":[
          {"metadata":{"name":"helm-install-linkerd-crds","namespace":"kube-system"},
           "status":{"failed":4,"conditions":[{"type":"Failed","status":"True","reason":"BackoffLimitExceeded","message":"Job has reached the specified backoff limit"}]}},
          {"metadata":{"name":"unrelated-cronjob-28712","namespace":"kube-system"},"status":{"succeeded":1}}]}
        """;

    private const string HelmJobPods = """
        {"apiVersion":"v1","kind":"PodList","items":[
          {"metadata":{"name":"helm-install-linkerd-crds-x7k2p","namespace":"kube-system","labels":{"job-name":"helm-install-linkerd-crds"}},
           "spec":{"containers":[{"name":"helm","image":"rancher/klipper-helm"}]},
           "status":{"phase":"Failed","containerStatuses":[{"name":"helm","ready":false,"restartCount":0,"image":"rancher/klipper-helm","imageID":"",
             "state":{"terminated":{"exitCode":1,"reason":"Error"}}}]}}]}
        """;

    private const string HelmError = "Error: INSTALLATION FAILED: chart \"linkerd-crds\" version \"2026.8.4\" not found in https://helm.linkerd.io/edge repository\n";

    private readonly FakeApiServer _api = new();

    [Fact]
    public async Task CollectAsync_HelmJobNamespace_ShowsEachHelmInstallJobAndItsPodsLogs()
    {
        // Given
        _api.Answer("GET", "/apis/batch/v1/namespaces/kube-system/jobs", 200, FailedHelmJobs);
        _api.Answer("GET", "/api/v1/namespaces/kube-system/pods", 200, HelmJobPods);
        _api.Answer("GET", "/api/v1/namespaces/kube-system/pods/helm-install-linkerd-crds-x7k2p/log", 200, HelmError);

        // When
        var text = await ClusterDiagnostics.CollectAsync(_api.Client, [], "kube-system", TestContext.Current.CancellationToken);

        // Then
        Assert.Contains("== Helm install jobs in kube-system", text);
        Assert.Contains("-- job helm-install-linkerd-crds: failed, 0 active, 0 succeeded, 4 failed (Failed: BackoffLimitExceeded Job has reached the specified backoff limit)", text);
        Assert.DoesNotContain("unrelated-cronjob", text);
        Assert.Contains("-- pod helm-install-linkerd-crds-x7k2p: Failed", text);
        Assert.Contains("helm: ready=False restarts=0 terminated (Error, exit 1)", text);
        Assert.Contains("   | Error: INSTALLATION FAILED: chart \"linkerd-crds\" version \"2026.8.4\" not found", text);
        var podList = Assert.Single(_api.Requests, entry => entry.RequestMessage.Path == "/api/v1/namespaces/kube-system/pods");
        Assert.Equal("job-name=helm-install-linkerd-crds", podList.RequestMessage.Query!["labelSelector"].Single());
    }

    [Fact]
    public async Task CollectAsync_HalfStartedCluster_EachSectionSaysWhatItCouldNotReadAndTheRestGoesOn()
    {
        // Given: the proxy's namespace errs, events are forbidden, Linkerd's namespace does not exist, jobs cannot be listed.
        _api.Answer("GET", "/api/v1/namespaces/egress/pods", 500, FakeApiServer.Status(500, "InternalError"));
        _api.Answer("GET", "/api/v1/namespaces/egress/events", 403, FakeApiServer.Status(403, "Forbidden"));
        _api.Answer("GET", "/api/v1/namespaces/linkerd/pods", 404, FakeApiServer.Status(404, "NotFound"));
        _api.Answer("GET", "/apis/batch/v1/namespaces/kube-system/jobs", 503, FakeApiServer.Status(503, "ServiceUnavailable"));

        // When
        var text = (await ClusterDiagnostics.CollectAsync(_api.Client, ["egress", "linkerd"], "kube-system", TestContext.Current.CancellationToken)).ReplaceLineEndings("\n");

        // Then
        Assert.Contains("== namespace egress\n   (cannot read pods of egress: HTTP 500", text);
        Assert.Contains("(cannot read events of egress: HTTP 403", text);
        Assert.Contains("== namespace linkerd\n   (cannot read pods of linkerd: HTTP 404", text);
        Assert.Contains("-- events:", text);
        Assert.Contains("(cannot read jobs of kube-system: HTTP 503", text);
    }

    [Fact]
    public async Task CollectAsync_EmptyAnswers_SaysThereIsNothingRatherThanFailing()
    {
        // Given: the fake answers every unstubbed call with {} (a list without items).

        // When
        var text = await ClusterDiagnostics.CollectAsync(_api.Client, ["egress"], "kube-system", TestContext.Current.CancellationToken);

        // Then
        Assert.Equal("== namespace egress\n-- no pods\n-- events:\n== Helm install jobs in kube-system\n-- no helm-install jobs\n", text.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task CollectAsync_ApiServerNotListening_NeverThrows()
    {
        // Given: a loopback port nothing listens on, as before the k3s API server is up.
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        using var client = new k8s.Kubernetes(new KubernetesClientConfiguration { Host = $"http://127.0.0.1:{port}" });

        // When
        var text = await ClusterDiagnostics.CollectAsync(client, ["egress"], "kube-system", TestContext.Current.CancellationToken);

        // Then
        Assert.Contains("(cannot read pods of egress: HttpRequestException:", text);
        Assert.Contains("(cannot read events of egress: HttpRequestException:", text);
        Assert.Contains("(cannot read jobs of kube-system: HttpRequestException:", text);
    }

    [Fact]
    public async Task CollectAsync_CallerCancelled_ReturnsWhatItHasInsteadOfThrowing()
    {
        // Given
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        // When
        var text = await ClusterDiagnostics.CollectAsync(_api.Client, ["egress"], cancelled.Token);

        // Then
        Assert.Contains("(cannot read pods of egress: diagnostics cancelled)", text);
        Assert.DoesNotContain("Helm install jobs", text);
    }

    public void Dispose() => _api.Dispose();
}
