using System.Net;
using System.Net.Sockets;
using EgressSpecs.Dns;
using EgressSpecs.Dns.Resolver;
using EgressSpecs.Dns.Rewrite;
using EgressSpecs.Dns.Server;
using EgressSpecs.Environments.Apps;
using EgressSpecs.Environments.Kubernetes;
using EgressSpecs.Environments.Local.Pods;

namespace EgressSpecs.Environments.Local;

/// <summary>
/// The local target's cluster DNS: EgressSpecs.Dns's loopback server applying the rule file with CoreDNS semantics
/// over the address plan's records (the one the proxy and raw queries use). A name is resolved as an app in a pod
/// resolves it: on the real path by glibc itself (<c>getent</c> in the meshed app's pod, whose own cluster DNS applies
/// the same rule), otherwise by the glibc-like stub resolver of the in-process model (no search list).
/// </summary>
internal sealed class LocalClusterDns : IClusterDns, IAsyncDisposable
{
    private readonly ClusterDnsServer _server;
    private readonly GlibcLikeResolver _resolver;
    private readonly LocalPod? _glibcPod;

    private LocalClusterDns(ClusterDnsServer server, RewriteRuleSet rules, LocalPod? glibcPod)
    {
        _server = server;
        Rules = rules;
        _glibcPod = glibcPod;
        _resolver = new GlibcLikeResolver(server.EndPoint);
    }

    /// <summary>Where it listens (UDP and TCP).</summary>
    public IPEndPoint EndPoint => _server.EndPoint;

    /// <summary>The rules it applies and where they came from.</summary>
    public RewriteRuleSet Rules { get; }

    /// <summary>
    /// The records a cluster DNS of the local target serves: the proxy Service at <paramref name="proxyService"/>, every
    /// third party, the destination that is down (so a proxy that resolves names, rather than pinning them as ours does,
    /// meets a refused connection there, not a lookup failure), the cluster-internal names and the special-purpose IPv6 names.
    /// </summary>
    public static IReadOnlyDictionary<string, IPAddress> Records(IPAddress proxyService)
    {
        var records = new Dictionary<string, IPAddress>(StringComparer.OrdinalIgnoreCase)
        {
            [AddressPlan.ProxyServiceName] = proxyService,
        };
        foreach (var party in AddressPlan.ThirdParties)
        {
            records[party.Host + "."] = party.Address;
        }

        records[AddressPlan.DownHost + "."] = AddressPlan.DownAddress;

        foreach (var name in AddressPlan.InternalNames)
        {
            records[name] = AddressPlan.For(ThirdPartyRole.InternalService).Address;
        }

        foreach (var (name, address) in AddressPlan.SpecialPurposeNames)
        {
            records[name] = address;
        }

        return records;
    }

    /// <summary>Starts the server on 127.0.0.1 (<paramref name="port"/>, or a free one); names are resolved with getent in <paramref name="glibcPod"/> when given.</summary>
    public static async Task<LocalClusterDns> StartAsync(
        RewriteRuleSet rules, IPAddress proxyService, int? port, LocalPod? glibcPod, CancellationToken cancellationToken)
    {
        var server = await ClusterDnsServer.StartAsync(
            new ClusterDnsOptions { Rules = rules, Records = Records(proxyService), BindAddress = IPAddress.Loopback, Port = port ?? 0 },
            cancellationToken);
        return new LocalClusterDns(server, rules, glibcPod);
    }

    public async Task<DnsAnswer> QueryAsync(string name, string type, CancellationToken cancellationToken)
    {
        var queryType = type.ToUpperInvariant() switch
        {
            "A" => DnsQueryType.A,
            "AAAA" => DnsQueryType.Aaaa,
            "CNAME" => DnsQueryType.Cname,
            "TXT" => DnsQueryType.Txt,
            _ => throw new ArgumentException($"Query type '{type}' is not one of A, AAAA, CNAME, TXT.", nameof(type)),
        };
        var response = await _resolver.QueryAsync(name, queryType, cancellationToken);
        return new DnsAnswer(
            response.QuestionName,
            ResponseCodeText(response.ResponseCode),
            [.. response.Answers.Select(record => new DnsAnswerRecord(record.OwnerName, record.Type, record.Data, record.TimeToLive))]);
    }

    public async Task<HostLookup> ResolveAsync(string host, AddressFamily family, CancellationToken cancellationToken)
    {
        var command = GetentOutput.Command(host, family);
        if (_glibcPod is { } pod)
        {
            var result = await pod.ExecAsync(pod.Container, command, null, cancellationToken);
            return GetentOutput.Parse(result, host, family);
        }

        var v4 = await _resolver.GetAddressesAsync(host, cancellationToken);
        if (family == AddressFamily.InterNetwork)
        {
            return new HostLookup(v4.Addresses, v4.FailureReason);
        }

        // The model's AF_UNSPEC: the IPv4 lookup, plus the AAAA records owned by the question.
        var v6 = await QueryAsync(host, "AAAA", cancellationToken);
        var owner = host.TrimEnd('.') + ".";
        IReadOnlyList<IPAddress> addresses =
        [
            .. v4.Addresses,
            .. v6.Records.Where(record => record.Type == "AAAA" && record.OwnerName.Equals(owner, StringComparison.OrdinalIgnoreCase))
                .Select(record => IPAddress.Parse(record.Data)),
        ];
        return new HostLookup(addresses, addresses.Count > 0 ? null : v4.FailureReason);
    }

    /// <summary>The meshed app's pod's search list (the in-process model writes no resolv.conf: a pod's in the local app namespace).</summary>
    public Task<IReadOnlyList<string>> SearchListAsync(CancellationToken cancellationToken) =>
        Task.FromResult((_glibcPod?.ResolvConf ?? ResolvConf.ForPod(EndPoint.Address, AddressPlan.AppNamespace)).Search);

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private static string ResponseCodeText(DnsResponseCode code) => code switch
    {
        DnsResponseCode.NoError => "NOERROR",
        DnsResponseCode.FormatError => "FORMERR",
        DnsResponseCode.ServerFailure => "SERVFAIL",
        DnsResponseCode.NxDomain => "NXDOMAIN",
        DnsResponseCode.NotImplemented => "NOTIMP",
        DnsResponseCode.Refused => "REFUSED",
        _ => $"RCODE{(int)code}",
    };
}
