using System.Net;
using System.Net.Sockets;
using EgressSpecs.Environments;

namespace EgressSpecs.Specs.Drivers;

/// <summary>Asks the target's cluster DNS as a pod would, and knows the proxy Service's address.</summary>
internal sealed class DnsDriver(IEgressTarget target)
{
    private const string ProxyServiceName = "proxy.egress.svc.cluster.local.";

    public DnsAnswer? LastAnswer { get; private set; }

    public HostLookup? LastLookup { get; private set; }

    /// <summary>The answers to each search-list expansion, A and AAAA, in the order a pod's resolver asks them.</summary>
    public IReadOnlyList<(string Type, DnsAnswer Answer)> ExpansionAnswers { get; private set; } = [];

    public async Task AskAsync(string name, string type = "A")
    {
        LastAnswer = await target.ClusterDns.QueryAsync(name, type, TestContext.Current.CancellationToken);
    }

    public async Task ResolveAsync(string host, AddressFamily family = AddressFamily.InterNetwork)
    {
        LastLookup = await target.ClusterDns.ResolveAsync(host, family, TestContext.Current.CancellationToken);
    }

    /// <summary>Asks what a pod's glibc asks before <paramref name="name"/> itself: the name under each domain of the pod's search list, for A and AAAA.</summary>
    public async Task AskSearchListExpansionsAsync(string name)
    {
        var search = await target.ClusterDns.SearchListAsync(TestContext.Current.CancellationToken);
        Assert.True(search.Count > 0, "The pod's resolv.conf has no search list: there is no expansion to ask for.");
        var answers = new List<(string, DnsAnswer)>();
        foreach (var domain in search)
        {
            var expansion = $"{name.TrimEnd('.')}.{domain.TrimEnd('.')}.";
            foreach (var type in new[] { "A", "AAAA" })
            {
                answers.Add((type, await target.ClusterDns.QueryAsync(expansion, type, TestContext.Current.CancellationToken)));
            }
        }

        ExpansionAnswers = answers;
    }

    /// <summary>Fails unless the cluster DNS answers <paramref name="name"/> with <paramref name="address"/> alone: the scenario's premise.</summary>
    public async Task AssertAnswerAsync(string name, IPAddress address)
    {
        var type = address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? "AAAA" : "A";
        var answer = await target.ClusterDns.QueryAsync(name, type, TestContext.Current.CancellationToken);
        var addresses = answer.Records.Where(record => record.Type == type).Select(record => IPAddress.Parse(record.Data)).ToList();
        Assert.True(addresses.Count == 1 && addresses[0].Equals(address),
            $"The cluster DNS answers {name} {type} with [{string.Join(", ", addresses)}] ({answer.ResponseCode}), not {address}.");
    }

    /// <summary>The proxy's address is whatever the cluster DNS answers for the proxy Service's own name.</summary>
    public async Task<IReadOnlyList<IPAddress>> ProxyAddressesAsync()
    {
        var answer = await target.ClusterDns.QueryAsync(ProxyServiceName, "A", TestContext.Current.CancellationToken);
        var addresses = AddressesIn(answer);
        Assert.True(addresses.Count > 0, $"The cluster DNS has no address for {ProxyServiceName} ({answer.ResponseCode}).");
        return addresses;
    }

    /// <summary>The proxy Service's IPv6 addresses: none for a single-stack IPv4 Service, one on a dual-stack cluster.</summary>
    public async Task<IReadOnlyList<IPAddress>> ProxyIPv6AddressesAsync()
    {
        var answer = await target.ClusterDns.QueryAsync(ProxyServiceName, "AAAA", TestContext.Current.CancellationToken);
        Assert.True(answer.ResponseCode == "NOERROR", $"The cluster DNS answers {ProxyServiceName} AAAA with {answer.ResponseCode}.");
        return AddressesIn(answer, "AAAA");
    }

    public static IReadOnlyList<IPAddress> AddressesIn(DnsAnswer answer, string type = "A") =>
        [.. answer.Records.Where(record => record.Type == type).Select(record => IPAddress.Parse(record.Data))];
}
