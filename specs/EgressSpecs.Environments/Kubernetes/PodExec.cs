using EgressSpecs.Environments.Support;
namespace EgressSpecs.Environments.Kubernetes;

/// <summary>A container to run commands in.</summary>
/// <param name="Namespace">The pod's namespace.</param>
/// <param name="Pod">The pod's name.</param>
/// <param name="Container">The container's name.</param>
internal sealed record PodContainer(string Namespace, string Pod, string Container)
{
    public override string ToString() => $"{Namespace}/{Pod} ({Container})";
}

/// <summary>Runs a command in a container, as <c>kubectl exec</c> does; a seam so the apps built on it test offline.</summary>
internal interface IPodExec
{
    /// <summary>
    /// Runs <paramref name="command"/> (no shell) and returns its exit code and output; a non-zero exit is a result,
    /// not an exception. <paramref name="stdin"/>, when given, is written to the command's standard input; the
    /// websocket exec protocol cannot signal its end, so a command that reads it must know its length.
    /// </summary>
    Task<CommandResult> ExecAsync(PodContainer container, IReadOnlyList<string> command, Stream? stdin, CancellationToken cancellationToken);
}
