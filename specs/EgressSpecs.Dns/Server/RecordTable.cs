using System.Net;
using EgressSpecs.Dns.Rewrite;

namespace EgressSpecs.Dns.Server;

/// <summary>The plugin behind <c>rewrite</c>: a fixed table of names, as the kubernetes plugin would answer.</summary>
internal sealed class RecordTable
{
    private readonly Dictionary<string, IPAddress> _addresses;

    public RecordTable(IReadOnlyDictionary<string, IPAddress> records)
    {
        _addresses = new Dictionary<string, IPAddress>(StringComparer.Ordinal);
        foreach (var (name, address) in records)
        {
            if (address.AddressFamily is not (System.Net.Sockets.AddressFamily.InterNetwork or System.Net.Sockets.AddressFamily.InterNetworkV6))
            {
                throw new ArgumentException($"Only IP addresses are served; {name} has {address}.", nameof(records));
            }

            _addresses[DnsNames.Normalize(name)] = address;
        }
    }

    public bool TryFind(string name, out IPAddress address) =>
        _addresses.TryGetValue(DnsNames.Normalize(name), out address!);
}
