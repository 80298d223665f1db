using System.Net;
using EgressSpecs.Dns;
using EgressSpecs.Dns.Resolver;
using EgressSpecs.Dns.Rewrite;
using EgressSpecs.Dns.Server;

namespace EgressSpecs.Environments.Local;

/// <summary>
/// The local target's cluster DNS: EgressSpecs.Dns's loopback server applying the rule file with CoreDNS semantics
/// over the address plan's records, asked through the glibc-like stub resolver as a .NET app in a pod asks.
/// </summary>
internal sealed class LocalClusterDns : IClusterDns, IAsyncDisposable
{
    private readonly ClusterDnsServer _server;
    private readonly GlibcLikeResolver _resolver;

    private LocalClusterDns(ClusterDnsServer server, RewriteRuleSet rules)
    {
        _server = server;
        Rules = rules;
        _resolver = new GlibcLikeResolver(server.EndPoint);
    }

    /// <summary>Where it listens (UDP and TCP).</summary>
    public IPEndPoint EndPoint => _server.EndPoint;

    /// <summary>The rules it applies and where they came from.</summary>
    public RewriteRuleSet Rules { get; }

    /// <summary>The records it serves: the proxy Service, every third party, the cluster-internal names and the special-purpose IPv6 names.</summary>
    public static IReadOnlyDictionary<string, IPAddress> Records()
    {
        var records = new Dictionary<string, IPAddress>(StringComparer.OrdinalIgnoreCase)
        {
            [AddressPlan.ProxyServiceName] = AddressPlan.ProxyServiceAddress,
        };
        foreach (var party in AddressPlan.ThirdParties)
        {
            records[party.Host + "."] = party.Address;
        }

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

    public static async Task<LocalClusterDns> StartAsync(RewriteRuleSet rules, int? port, CancellationToken cancellationToken)
    {
        var server = await ClusterDnsServer.StartAsync(
            new ClusterDnsOptions { Rules = rules, Records = Records(), BindAddress = IPAddress.Loopback, Port = port ?? 0 },
            cancellationToken);
        return new LocalClusterDns(server, rules);
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

    public async Task<HostLookup> ResolveAsync(string host, CancellationToken cancellationToken)
    {
        var result = await _resolver.GetAddressesAsync(host, cancellationToken);
        return new HostLookup(result.Addresses, result.FailureReason);
    }

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
