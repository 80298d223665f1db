using System.Net;
using DnsClient;
using DnsClient.Protocol;
using EgressSpecs.Dns.Rewrite;

namespace EgressSpecs.Dns.Resolver;

/// <summary>
/// A stub resolver pointed at one server that keeps only the answers glibc's getaddrinfo keeps
/// (see <see cref="GlibcAnswerFilter"/>): an A record whose owner is neither the question nor a name
/// in its CNAME chain is dropped. This is what a .NET app on Linux in a pod sees.
/// Names are taken as absolute: no search list is applied.
/// </summary>
public sealed class GlibcLikeResolver
{
    private readonly LookupClient _client;
    private readonly IPEndPoint _server;

    /// <summary>Creates a resolver that asks only <paramref name="server"/>.</summary>
    public GlibcLikeResolver(IPEndPoint server, DnsTransport transport = DnsTransport.Udp, TimeSpan? timeout = null)
    {
        _server = server;
        _client = new LookupClient(new LookupClientOptions(new NameServer(server))
        {
            UseCache = false,
            Retries = 1,
            Timeout = timeout ?? TimeSpan.FromSeconds(2),
            UseTcpOnly = transport == DnsTransport.Tcp,
            ThrowDnsErrors = false,
            ContinueOnDnsError = false,
            ContinueOnEmptyResponse = false,
            UseRandomNameServer = false,
        });
    }

    /// <summary>Looks up the IPv4 addresses of a host as getaddrinfo would; never throws for DNS failures.</summary>
    public async Task<HostLookupResult> GetAddressesAsync(string hostName, CancellationToken cancellationToken = default)
    {
        RawDnsResponse response;
        try
        {
            response = await QueryAsync(hostName, DnsQueryType.A, cancellationToken).ConfigureAwait(false);
        }
        catch (DnsQueryException exception)
        {
            return HostLookupResult.NotFound(hostName, exception.Message);
        }

        if (response.ResponseCode != DnsResponseCode.NoError)
        {
            return HostLookupResult.NotFound(hostName, $"the server answered {response.ResponseCode}");
        }

        // __res_context_query drops a response whose question is not the one asked.
        if (!DnsNames.AreSame(response.QuestionName, hostName))
        {
            return HostLookupResult.NotFound(hostName, $"the response's question {response.QuestionName} is not the one asked");
        }

        var addresses = GlibcAnswerFilter.UsableAddresses(hostName, response.Answers);
        if (addresses.Count > 0)
        {
            return HostLookupResult.Success(hostName, addresses);
        }

        var owners = response.Answers.Where(record => record.Type == "A").Select(record => record.OwnerName).Distinct().ToList();
        return HostLookupResult.NotFound(hostName, owners.Count == 0
            ? "no A record in the answer"
            : $"the A records' owner ({string.Join(", ", owners)}) is neither the question nor a name in its CNAME chain");
    }

    /// <summary>Sends one question and returns the response unfiltered, so specs can look at owner names.</summary>
    /// <exception cref="DnsQueryException">No response came back in time, or the server could not be reached.</exception>
    public async Task<RawDnsResponse> QueryAsync(string name, DnsQueryType type = DnsQueryType.A, CancellationToken cancellationToken = default)
    {
        IDnsQueryResponse response;
        try
        {
            response = await _client.QueryAsync(name, (QueryType)(int)type, QueryClass.IN, cancellationToken).ConfigureAwait(false);
        }
        catch (DnsResponseException exception)
        {
            throw new DnsQueryException($"no usable response from {_server} for {name}: {exception.Message}", exception);
        }

        var question = response.Questions.Count > 0 ? response.Questions[0].QueryName.Value : "";
        var answers = response.Answers.Select(ToAnswerRecord).ToList();
        return new RawDnsResponse((DnsResponseCode)(int)response.Header.ResponseCode, question, answers);
    }

    private static DnsAnswerRecord ToAnswerRecord(DnsResourceRecord record)
    {
        var data = record switch
        {
            ARecord a => a.Address.ToString(),
            AaaaRecord aaaa => aaaa.Address.ToString(),
            CNameRecord cname => cname.CanonicalName.Value,
            _ => record.ToString(),
        };
        return new DnsAnswerRecord(record.DomainName.Value, record.RecordType.ToString().ToUpperInvariant(), data, record.TimeToLive);
    }
}
