using System.Net;
using System.Net.Sockets;
using EgressSpecs.Environments.Support;

namespace EgressSpecs.Environments.Kubernetes;

/// <summary>
/// Reads <c>getent ahostsv4 NAME</c>, which resolves through glibc's <c>getaddrinfo</c> as a .NET app on Linux does.
/// Each line is <c>ADDRESS  STREAM|DGRAM|RAW  [CANONICAL-NAME]</c>; exit code 2 means "not found".
/// </summary>
internal static class GetentOutput
{
    private static readonly char[] Whitespace = [' ', '\t'];

    public static HostLookup Parse(CommandResult result, string host)
    {
        switch (result.ExitCode)
        {
            case 0:
                break;
            case 2:
                return new HostLookup([], $"getaddrinfo found no IPv4 address for '{host}' (getent exit 2: not found)");
            default:
                return new HostLookup([], $"getent ahostsv4 '{host}' failed with exit {result.ExitCode}: {result.Stderr.Trim()}");
        }

        var addresses = new List<IPAddress>();
        foreach (var line in result.StdoutText.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var first = line.Split(Whitespace, 2)[0];
            if (!IPAddress.TryParse(first, out var address) || address.AddressFamily != AddressFamily.InterNetwork)
            {
                throw new FormatException($"getent ahostsv4 printed '{line}', which does not start with an IPv4 address.");
            }

            if (!addresses.Contains(address))
            {
                addresses.Add(address);
            }
        }

        return addresses.Count > 0
            ? new HostLookup(addresses, null)
            : new HostLookup([], $"getent ahostsv4 '{host}' exited 0 but printed no address");
    }
}
