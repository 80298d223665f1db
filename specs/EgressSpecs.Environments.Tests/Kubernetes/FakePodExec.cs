using EgressSpecs.Environments.Kubernetes;
using EgressSpecs.Environments.Support;

namespace EgressSpecs.Environments.Tests.Kubernetes;

/// <summary>An <see cref="IPodExec"/> that records each command and its stdin, and answers with a canned result.</summary>
internal sealed class FakePodExec(Func<IReadOnlyList<string>, CommandResult> answer) : IPodExec
{
    public List<(PodContainer Container, IReadOnlyList<string> Command, byte[]? Stdin)> Calls { get; } = [];

    public async Task<CommandResult> ExecAsync(PodContainer container, IReadOnlyList<string> command, Stream? stdin, CancellationToken cancellationToken)
    {
        byte[]? input = null;
        if (stdin is not null)
        {
            using var copy = new MemoryStream();
            await stdin.CopyToAsync(copy, cancellationToken);
            input = copy.ToArray();
        }

        Calls.Add((container, command, input));
        return answer(command);
    }

    public static CommandResult Text(int exitCode, string stdout, string stderr = "") =>
        new(exitCode, System.Text.Encoding.UTF8.GetBytes(stdout), stderr);
}
