using CliWrap;

namespace EgressSpecs.Environments.Support;

/// <summary>
/// Runs a command on this machine as a pod's exec runs it in a container: an argv (no shell of ours), an optional
/// stdin, stdout kept as bytes and stderr as text, a non-zero exit as a result. Cancelling kills the whole process
/// tree (CliWrap's forceful cancellation).
/// </summary>
internal static class LocalCommand
{
    /// <exception cref="InvalidOperationException">The program could not be started (not installed, not executable).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> fired; the process tree was killed.</exception>
    public static async Task<CommandResult> RunAsync(IReadOnlyList<string> argv, Stream? stdin, CancellationToken cancellationToken)
    {
        if (argv.Count == 0)
        {
            throw new ArgumentException("A command needs at least the program to run.", nameof(argv));
        }

        using var stdout = new MemoryStream();
        var stderr = new System.Text.StringBuilder();
        var command = Cli.Wrap(argv[0])
            .WithArguments(argv.Skip(1))
            .WithStandardInputPipe(stdin is null ? PipeSource.Null : PipeSource.FromStream(stdin))
            .WithStandardOutputPipe(PipeTarget.ToStream(stdout))
            .WithStandardErrorPipe(PipeTarget.ToStringBuilder(stderr))
            .WithValidation(CommandResultValidation.None);
        try
        {
            var result = await command.ExecuteAsync(cancellationToken);
            return new CommandResult(result.ExitCode, stdout.ToArray(), stderr.ToString());
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            throw new InvalidOperationException($"Could not start '{argv[0]}': {exception.Message}.", exception);
        }
    }
}
