using System.Net;
using System.Net.Sockets;
using EgressSpecs.Dns.Rewrite;
using EgressSpecs.Dns.Server;
using EgressSpecs.Environments.Kubernetes;
using EgressSpecs.Environments.Support;

namespace EgressSpecs.Environments.Local.Pods;

/// <summary>
/// Finds out, by trying, whether this machine can run the meshed app for real: curl and glibc's getent in a private mount
/// namespace with a pod's resolv.conf, asking a cluster DNS on a loopback address at port 53. It claims the first free
/// block of addresses, then checks that getent in such a namespace resolves the proxy Service's name through it.
/// </summary>
internal static class MeshedAppProbe
{
    /// <summary>What the real path runs: the namespace (unshare, sh, mount), the app (curl, and head for bodies, as in a pod) and glibc (getent, getconf).</summary>
    public static readonly IReadOnlyList<string> Tools = ["unshare", "mount", "sh", "head", "curl", "getent", "getconf"];

    /// <summary>Asked without the trailing dot, so glibc tries the pod's search list first, as for any name with fewer than 5 dots.</summary>
    private static readonly string ProbedName = AddressPlan.ProxyServiceName.TrimEnd('.');

    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(15);

    /// <summary>The started pods, or why the machine cannot run them (then nothing is left running).</summary>
    public static async Task<(LocalPods? Pods, string? Unavailable)> TryStartAsync(RewriteRuleSet rules, CancellationToken cancellationToken)
    {
        if (ToolsProblem(OperatingSystem.IsLinux(), IsOnPath) is { } missing)
        {
            return (null, missing);
        }

        var curl = await RunAsync(["curl", "--version"], cancellationToken);
        var glibc = await RunAsync(["getconf", "GNU_LIBC_VERSION"], cancellationToken);
        if (glibc.ExitCode != 0 || !glibc.StdoutText.StartsWith("glibc ", StringComparison.Ordinal))
        {
            return (null, $"the C library is not glibc (getconf GNU_LIBC_VERSION: exit {glibc.ExitCode}, {Printed(glibc)})");
        }

        var (claimed, dns, bindProblem) = await ClaimBlockAsync(rules, cancellationToken);
        if (dns is null)
        {
            return (null, bindProblem);
        }

        PodEtcFiles? etc = null;
        try
        {
            etc = LocalPod.WriteEtc(claimed!);
            var problems = new List<string>();
            foreach (var mode in new[] { UnshareMode.Privileged, UnshareMode.UserNamespace })
            {
                var command = MountNamespaceCommand.Wrap(mode, etc.Directory, ["getent", "ahostsv4", ProbedName]);
                var result = await RunAsync(command, cancellationToken);
                if (GetentProblem(result, claimed!.Service.Address) is not { } problem)
                {
                    var meshed = new LocalPod(LocalPods.MeshedName, claimed, dns, etc, mode, null);
                    try
                    {
                        return (await LocalPods.StartAsync(meshed, mode, rules, FirstWords(curl.StdoutText, 2), glibc.StdoutText.Trim(), cancellationToken), null);
                    }
                    catch
                    {
                        await meshed.DisposeAsync();
                        throw;
                    }
                }

                problems.Add($"{string.Join(' ', command.TakeWhile(word => word != "--"))}: {problem}");
            }

            etc.Dispose();
            await dns.DisposeAsync();
            return (null, $"getent in a private mount namespace with a pod's resolv.conf did not resolve {ProbedName} "
                + $"to {claimed!.Service.Address} ({string.Join("; ", problems)})");
        }
        catch
        {
            etc?.Dispose();
            await dns.DisposeAsync();
            throw;
        }
    }

    /// <summary>Why the machine lacks the real path's tools, or null.</summary>
    internal static string? ToolsProblem(bool isLinux, Func<string, bool> isOnPath)
    {
        if (!isLinux)
        {
            return "private mount namespaces and glibc need Linux";
        }

        var missing = Tools.Where(tool => !isOnPath(tool)).ToList();
        return missing.Count == 0
            ? null
            : $"{string.Join(", ", missing)} {(missing.Count == 1 ? "is" : "are")} not installed (Debian: apt-get install curl util-linux mount libc-bin)";
    }

    /// <summary>Why a pod's DNS address could not be bound, in words that say what to do.</summary>
    internal static string BindProblem(SocketException exception, IPEndPoint endPoint, bool isRoot, string? unprivilegedPortStart) =>
        exception.SocketErrorCode switch
        {
            SocketError.AccessDenied when !isRoot =>
                $"cannot bind {endPoint} (permission denied): not root, and net.ipv4.ip_unprivileged_port_start is {unprivilegedPortStart ?? "unknown"} "
                + "(run as root, or lower it to 53)",
            _ => $"cannot bind {endPoint}: {exception.Message}",
        };

    /// <summary>Null when getent printed the expected address, else what went wrong.</summary>
    internal static string? GetentProblem(CommandResult result, IPAddress expected)
    {
        if (result.ExitCode != 0)
        {
            return $"exit {result.ExitCode}, {Printed(result)}";
        }

        var lookup = GetentOutput.Parse(result, ProbedName, AddressFamily.InterNetwork);
        return lookup.Addresses.Contains(expected)
            ? null
            : $"got [{string.Join(", ", lookup.Addresses)}] (the machine's resolver answered, not the pod's: is nscd or systemd-resolved in the way?)";
    }

    private static async Task<(PodAddresses? Claimed, ClusterDnsServer? Dns, string? Problem)> ClaimBlockAsync(
        RewriteRuleSet rules, CancellationToken cancellationToken)
    {
        for (var block = 1; block <= 254; block++)
        {
            var addresses = PodAddresses.For(block, PodAddresses.MeshedIndex);
            try
            {
                return (addresses, await LocalPod.StartDnsAsync(addresses, rules, cancellationToken), null);
            }
            catch (SocketException exception) when (exception.SocketErrorCode == SocketError.AddressAlreadyInUse)
            {
                // Another local target (another test project, a fixture) holds this block: the next one.
            }
            catch (SocketException exception)
            {
                return (null, null, BindProblem(exception, addresses.Dns, Environment.IsPrivilegedProcess, UnprivilegedPortStart()));
            }
        }

        return (null, null, "port 53 is taken on every 127.0.N.53 (N = 1 to 254): is a DNS server listening on all addresses?");
    }

    private static async Task<CommandResult> RunAsync(IReadOnlyList<string> command, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(CommandTimeout);
        try
        {
            return await LocalCommand.RunAsync(command, null, timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new CommandResult(-1, [], $"'{string.Join(' ', command)}' did not finish within {CommandTimeout.TotalSeconds:0} s");
        }
    }

    private static bool IsOnPath(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Any(directory => File.Exists(Path.Combine(directory, tool)));

    private static string? UnprivilegedPortStart()
    {
        const string Path = "/proc/sys/net/ipv4/ip_unprivileged_port_start";
        return File.Exists(Path) ? File.ReadAllText(Path).Trim() : null;
    }

    private static string FirstWords(string text, int count) =>
        string.Join(' ', text.Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries).Take(count));

    private static string Printed(CommandResult result) =>
        (result.Stderr.Trim() + " " + result.StdoutText.Trim()).Trim() is { Length: > 0 } text
            ? text.ReplaceLineEndings(" ")
            : "nothing printed";
}
