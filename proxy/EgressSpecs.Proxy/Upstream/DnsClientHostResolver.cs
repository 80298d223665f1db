using System.Net;
using DnsClient;
using DnsClient.Protocol;

namespace EgressSpecs.Proxy.Upstream;

/// <summary>Asks the configured <c>Egress:DnsServers</c> for A and AAAA records (cached for their TTL by DnsClient).</summary>
internal sealed class DnsClientHostResolver : IHostResolver
{
    private readonly LookupClient _client;

    public DnsClientHostResolver(IEnumerable<IPEndPoint> servers, TimeSpan timeout)
    {
        _client = new LookupClient(new LookupClientOptions([.. servers])
        {
            UseCache = true,
            Timeout = timeout,
            Retries = 1,
            ThrowDnsErrors = false,
            UseTcpFallback = true,
        });
    }

    public async Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken)
    {
        var ipv4 = _client.QueryAsync(host, QueryType.A, cancellationToken: cancellationToken);
        var ipv6 = _client.QueryAsync(host, QueryType.AAAA, cancellationToken: cancellationToken);
        var answers = await Task.WhenAll(ipv4, ipv6).ConfigureAwait(false);

        var addresses = answers
            .SelectMany(response => response.Answers.OfType<AddressRecord>())
            .Select(record => record.Address)
            .Distinct()
            .ToArray();
        if (addresses.Length == 0)
        {
            var error = answers[0].HasError ? answers[0].ErrorMessage : "no A or AAAA records";
            throw new UpstreamException(Routing.EgressReason.DnsFailure, $"DNS lookup of '{host}' failed: {error}.");
        }

        return addresses;
    }
}
