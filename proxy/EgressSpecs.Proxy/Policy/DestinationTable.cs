using System.Net;
using EgressSpecs.Proxy.Configuration;
using EgressSpecs.Proxy.Observability;

namespace EgressSpecs.Proxy.Policy;

/// <summary>The compiled allowlist: exact names beat the most specific <c>*.parent</c>, which beats <c>*</c>.</summary>
internal sealed class DestinationTable
{
    private readonly Dictionary<string, DestinationEntry>.AlternateLookup<ReadOnlySpan<char>> _exact;
    private readonly Dictionary<string, DestinationEntry>.AlternateLookup<ReadOnlySpan<char>> _below;
    private readonly DestinationEntry? _any;

    public DestinationTable(IEnumerable<DestinationOptions> destinations, EgressMetrics metrics)
    {
        var exact = new Dictionary<string, DestinationEntry>(StringComparer.OrdinalIgnoreCase);
        var below = new Dictionary<string, DestinationEntry>(StringComparer.OrdinalIgnoreCase);
        foreach (var destination in destinations)
        {
            if (!HostPattern.TryParse(destination.Host, out var pattern))
            {
                throw new ArgumentException($"'{destination.Host}' is not a destination host pattern.", nameof(destinations));
            }

            var pinned = string.IsNullOrWhiteSpace(destination.Address) ? null : IPAddress.Parse(destination.Address);
            var entry = new DestinationEntry(pattern, destination.Host, destination.Port, pinned, metrics.ForDestination(destination.Host))
            {
                AllowsUpgrade = destination.Upgrade,
            };
            switch (pattern.Kind)
            {
                case HostPatternKind.Exact:
                    exact[pattern.Name] = entry;
                    break;
                case HostPatternKind.Below:
                    below[pattern.Name] = entry;
                    break;
                default:
                    _any = entry;
                    break;
            }
        }

        Count = exact.Count + below.Count + (_any is null ? 0 : 1);
        _exact = exact.GetAlternateLookup<ReadOnlySpan<char>>();
        _below = below.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public static DestinationTable Empty(EgressMetrics metrics) => new([], metrics);

    public int Count { get; }

    /// <summary>The entry that allows <paramref name="name"/>, or null when it is not allowlisted.</summary>
    public DestinationEntry? Match(ReadOnlySpan<char> name)
    {
        if (_exact.TryGetValue(name, out var entry))
        {
            return entry;
        }

        // Walk the parents from the longest to the shortest so the most specific wildcard wins.
        var rest = name;
        int dot;
        while ((dot = rest.IndexOf('.')) >= 0)
        {
            rest = rest[(dot + 1)..];
            if (_below.TryGetValue(rest, out entry))
            {
                return entry;
            }
        }

        return _any;
    }
}
