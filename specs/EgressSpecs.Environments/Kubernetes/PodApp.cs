using EgressSpecs.Environments.Apps;
using k8s;

namespace EgressSpecs.Environments.Kubernetes;

/// <summary>An app in a pod: each request is one curl run in the pod's app container.</summary>
internal sealed class PodApp(string description, PodContainer container, IPodExec exec) : IApp
{
    public string Description { get; } = description;

    public PodContainer Container { get; } = container;

    public async Task<AppResponse> SendAsync(AppRequest request, CancellationToken cancellationToken)
    {
        var (command, body) = CurlCommand.For(request);
        using var stdin = body?.OpenRead();

        // The exec round trip itself (API server, kubelet) comes on top of curl's own --max-time.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(request.Timeout + TimeSpan.FromSeconds(30));
        try
        {
            var result = await exec.ExecAsync(Container, command, stdin, timeout.Token);
            return CurlResponse.Parse(result, Description, request);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return AppResponse.Failed(AppFailureKind.Timeout, $"{Description}: exec of curl in {Container} did not return within {request.Timeout.TotalSeconds + 30:0} s");
        }
        catch (KubernetesException exception)
        {
            throw new InvalidOperationException($"{Description}: curl could not run in {Container}: {exception.Status?.Message ?? exception.Message}", exception);
        }
    }
}
