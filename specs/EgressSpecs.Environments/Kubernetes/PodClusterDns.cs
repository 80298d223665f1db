using System.Net.Sockets;
using EgressSpecs.Environments.Apps;
using EgressSpecs.Environments.Support;

namespace EgressSpecs.Environments.Kubernetes;

/// <summary>
/// The cluster's own DNS, asked from pods: <c>getent ahostsv4</c> or <c>ahosts</c> in a glibc container for
/// <see cref="ResolveAsync"/> (the search list and glibc's answer checks, as an app gets them) and <c>dig</c> for
/// <see cref="QueryAsync"/> (one raw query, the answer section as the server wrote it).
/// </summary>
internal sealed class PodClusterDns(PodContainer glibcContainer, PodContainer digContainer, IPodExec exec) : IClusterDns
{
    private static readonly TimeSpan ExecTimeout = TimeSpan.FromSeconds(45);

    public async Task<DnsAnswer> QueryAsync(string name, string type, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (type.ToUpperInvariant() is not ("A" or "AAAA" or "CNAME" or "TXT"))
        {
            throw new ArgumentException($"Query type '{type}' is not one of A, AAAA, CNAME, TXT.", nameof(type));
        }

        string[] command = ["dig", "+noall", "+comments", "+answer", "+nocookie", "+tries=1", "+time=5", name, type.ToUpperInvariant()];
        var result = await RunAsync(digContainer, command, cancellationToken);
        return DigOutput.Parse(result, name);
    }

    public async Task<HostLookup> ResolveAsync(string host, AddressFamily family, CancellationToken cancellationToken)
    {
        var command = GetentOutput.Command(host, family);
        var result = await RunAsync(glibcContainer, command, cancellationToken);
        return GetentOutput.Parse(result, host, family);
    }

    public async Task<IReadOnlyList<string>> SearchListAsync(CancellationToken cancellationToken)
    {
        var result = await RunAsync(glibcContainer, ["cat", "/etc/resolv.conf"], cancellationToken);
        return result.ExitCode == 0
            ? ResolvConf.Parse(result.StdoutText).Search
            : throw new InvalidOperationException($"cat /etc/resolv.conf in {glibcContainer} failed with exit {result.ExitCode}: {result.Stderr.Trim()}");
    }

    private async Task<CommandResult> RunAsync(PodContainer container, IReadOnlyList<string> command, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ExecTimeout);
        return await exec.ExecAsync(container, command, null, timeout.Token);
    }
}
