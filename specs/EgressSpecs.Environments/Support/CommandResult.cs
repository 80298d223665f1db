namespace EgressSpecs.Environments.Support;

/// <summary>What a command printed and how it exited, wherever it ran (a pod's container or a local process).</summary>
internal sealed record CommandResult(int ExitCode, byte[] Stdout, string Stderr)
{
    public string StdoutText => System.Text.Encoding.UTF8.GetString(Stdout);
}
