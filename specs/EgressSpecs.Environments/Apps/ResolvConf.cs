using System.Globalization;
using System.Net;
using System.Text;

namespace EgressSpecs.Environments.Apps;

/// <summary>
/// A pod's <c>/etc/resolv.conf</c>. For <c>dnsPolicy: ClusterFirst</c> kubelet writes the cluster DNS Service as the
/// nameserver, the search list <c>NS.svc.DOMAIN svc.DOMAIN DOMAIN</c> (then the node's own search domains) and
/// <c>options ndots:5</c> (kubernetes/kubernetes pkg/kubelet/network/dns/dns.go, generateSearchesForDNSClusterFirst and
/// defaultDNSOptions). The local target writes one for each of its pods; the cluster targets read their pod's.
/// </summary>
internal sealed record ResolvConf(IReadOnlyList<IPAddress> Nameservers, IReadOnlyList<string> Search, IReadOnlyList<string> Options)
{
    /// <summary>The cluster domain every target uses.</summary>
    public const string ClusterDomain = "cluster.local";

    /// <summary>What kubelet writes for a ClusterFirst pod in <paramref name="podNamespace"/> (no node search domains).</summary>
    public static ResolvConf ForPod(IPAddress clusterDns, string podNamespace)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(podNamespace);
        return new ResolvConf(
            [clusterDns],
            [$"{podNamespace}.svc.{ClusterDomain}", $"svc.{ClusterDomain}", ClusterDomain],
            ["ndots:5"]);
    }

    /// <summary>
    /// Reads the file as glibc's res_init does for the lines that matter here: every <c>nameserver</c>, the last
    /// <c>search</c> or <c>domain</c> line (each replaces the other), every <c>options</c> word; <c>#</c> and <c>;</c> start comments.
    /// </summary>
    /// <exception cref="FormatException">A nameserver that is not an IP address.</exception>
    public static ResolvConf Parse(string text)
    {
        var nameservers = new List<IPAddress>();
        IReadOnlyList<string> search = [];
        var options = new List<string>();
        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine.Split('#', ';')[0];
            var words = line.Split([' ', '\t', '\r'], StringSplitOptions.RemoveEmptyEntries);
            if (words.Length < 2)
            {
                continue;
            }

            switch (words[0])
            {
                case "nameserver":
                    nameservers.Add(IPAddress.TryParse(words[1], out var address)
                        ? address
                        : throw new FormatException($"resolv.conf: 'nameserver {words[1]}' is not an IP address."));
                    break;
                case "search":
                    search = words[1..];
                    break;
                case "domain":
                    search = [words[1]];
                    break;
                case "options":
                    options.AddRange(words[1..]);
                    break;
            }
        }

        return new ResolvConf(nameservers, search, options);
    }

    /// <summary>The file's text, in the order kubelet's runtime writes it.</summary>
    public string ToText()
    {
        var text = new StringBuilder();
        if (Search.Count > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"search {string.Join(' ', Search)}\n");
        }

        foreach (var nameserver in Nameservers)
        {
            text.Append(CultureInfo.InvariantCulture, $"nameserver {nameserver}\n");
        }

        if (Options.Count > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"options {string.Join(' ', Options)}\n");
        }

        return text.ToString();
    }
}
