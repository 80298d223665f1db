using System.Text;
using EgressSpecs.Environments.Kubernetes;
using EgressSpecs.Environments.Support;

namespace EgressSpecs.Environments.Tests.Kubernetes;

public sealed class PodAppTests
{
    private static readonly PodContainer Container = new("egress-specs-apps-abc123", "meshed-app", "app");

    [Fact]
    public async Task SendAsync_Body_IsWrittenToCurlsStdinAndTheResponseParsed()
    {
        // Given
        var exec = new FakePodExec(_ => new CommandResult(0, Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n\r\n{}"), ""));
        var app = new PodApp("meshed app", Container, exec);
        var request = new AppRequest("POST", new Uri("http://api.example.test.egress.local/post")) { Body = RequestBody.Generated(100) };

        // When
        var response = await app.SendAsync(request, TestContext.Current.CancellationToken);

        // Then
        Assert.Equal(200, response.StatusCode);
        var call = Assert.Single(exec.Calls);
        Assert.Equal(Container, call.Container);
        Assert.Equal(GeneratedBody.Sha256(100), GeneratedBody.HexSha256(call.Stdin!));
    }

    [Fact]
    public async Task SendAsync_CurlCannotResolve_ReturnsNameNotResolved()
    {
        // Given
        var exec = new FakePodExec(_ => FakePodExec.Text(6, "", "curl: (6) Could not resolve host: api.example.test.egress.local"));
        var app = new PodApp("outside pod", Container, exec);

        // When
        var response = await app.SendAsync(AppRequest.Get("http://api.example.test.egress.local/"), TestContext.Current.CancellationToken);

        // Then
        Assert.Equal(AppFailureKind.NameNotResolved, response.Failure!.Kind);
        Assert.Null(Assert.Single(exec.Calls).Stdin);
    }
}
