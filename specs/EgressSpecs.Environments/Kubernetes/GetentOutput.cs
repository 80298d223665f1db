using System.Net;
using System.Net.Sockets;
using EgressSpecs.Environments.Support;

namespace EgressSpecs.Environments.Kubernetes;

/// <summary>
/// Runs and reads <c>getent ahostsv4 NAME</c> (getaddrinfo with AF_INET) or
/// <c>getent ahosts NAME</c> (AF_UNSPEC: A and AAAA together, as curl asks), which resolve through glibc's
/// <c>getaddrinfo</c>. Each line is <c>ADDRESS  STREAM|DGRAM|RAW  [CANONICAL-NAME]</c>; exit code 2 means "not found".
/// </summary>
internal static class GetentOutput
{
    private static readonly char[] Whitespace = [' ', '\t'];

    /// <summary>The argv for <paramref name="host"/> in <paramref name="family"/> (<see cref="AddressFamily.InterNetwork"/> or <see cref="AddressFamily.Unspecified"/>).</summary>
    public static IReadOnlyList<string> Command(string host, AddressFamily family)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(host);
        return ["getent", Database(family), host];
    }

    public static HostLookup Parse(CommandResult result, string host, AddressFamily family)
    {
        var database = Database(family);
        switch (result.ExitCode)
        {
            case 0:
                break;
            case 2:
                return new HostLookup([], $"getaddrinfo found no {(family == AddressFamily.InterNetwork ? "IPv4 " : "")}address for '{host}' (getent {database} exit 2: not found)");
            default:
                return new HostLookup([], $"getent {database} '{host}' failed with exit {result.ExitCode}: {result.Stderr.Trim()}");
        }

        var addresses = new List<IPAddress>();
        foreach (var line in result.StdoutText.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var first = line.Split(Whitespace, 2)[0];
            if (!IPAddress.TryParse(first, out var address) || (family == AddressFamily.InterNetwork && address.AddressFamily != AddressFamily.InterNetwork))
            {
                throw new FormatException($"getent {database} printed '{line}', which does not start with an {(family == AddressFamily.InterNetwork ? "IPv4 " : "IP ")}address.");
            }

            if (!addresses.Contains(address))
            {
                addresses.Add(address);
            }
        }

        return addresses.Count > 0
            ? new HostLookup(addresses, null)
            : new HostLookup([], $"getent {database} '{host}' exited 0 but printed no address");
    }

    private static string Database(AddressFamily family) => family switch
    {
        AddressFamily.InterNetwork => "ahostsv4",
        AddressFamily.Unspecified => "ahosts",
        _ => throw new ArgumentOutOfRangeException(nameof(family), family, "Resolve for InterNetwork (IPv4) or Unspecified (IPv4 and IPv6)."),
    };
}
