using EgressSpecs.Environments.Support;
namespace EgressSpecs.Environments.Kubernetes;

/// <summary><see cref="IPodExec"/> over the API server's exec endpoint (KubernetesClient's <c>NamespacedPodExecAsync</c>).</summary>
internal sealed class KubernetesPodExec(k8s.Kubernetes client) : IPodExec
{
    public async Task<CommandResult> ExecAsync(
        PodContainer container, IReadOnlyList<string> command, Stream? stdin, CancellationToken cancellationToken)
    {
        byte[] stdout = [];
        var stderr = string.Empty;
        var exitCode = await client.NamespacedPodExecAsync(
            container.Pod,
            container.Namespace,
            container.Container,
            command,
            tty: false,
            async (input, output, error) =>
            {
                // Read both channels while writing: a command blocked on a full stdout never reads the rest of stdin.
                var readOutput = ReadAllAsync(output, cancellationToken);
                var readError = new StreamReader(error).ReadToEndAsync(cancellationToken);
                if (stdin is not null)
                {
                    await stdin.CopyToAsync(input, cancellationToken);
                    await input.FlushAsync(cancellationToken);
                }

                stdout = await readOutput;
                stderr = await readError;
            },
            cancellationToken);
        return new CommandResult(exitCode, stdout, stderr);
    }

    private static async Task<byte[]> ReadAllAsync(Stream stream, CancellationToken cancellationToken)
    {
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy, cancellationToken);
        return copy.ToArray();
    }
}
