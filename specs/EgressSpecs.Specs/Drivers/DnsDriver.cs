using System.Net;
using EgressSpecs.Environments;

namespace EgressSpecs.Specs.Drivers;

/// <summary>Asks the target's cluster DNS as a pod would, and knows the proxy Service's address.</summary>
internal sealed class DnsDriver(IEgressTarget target)
{
    private const string ProxyServiceName = "proxy.egress.svc.cluster.local.";

    public DnsAnswer? LastAnswer { get; private set; }

    public HostLookup? LastLookup { get; private set; }

    public async Task AskAsync(string name)
    {
        LastAnswer = await target.ClusterDns.QueryAsync(name, "A", TestContext.Current.CancellationToken);
    }

    public async Task ResolveAsync(string host)
    {
        LastLookup = await target.ClusterDns.ResolveAsync(host, TestContext.Current.CancellationToken);
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

    public static IReadOnlyList<IPAddress> AddressesIn(DnsAnswer answer) =>
        [.. answer.Records.Where(record => record.Type == "A").Select(record => IPAddress.Parse(record.Data))];
}
