using System.Collections.Concurrent;
using System.Net;
using EgressSpecs.Proxy.Observability;

namespace EgressSpecs.Proxy.Policy;

/// <summary>One compiled allowlist entry, with the upstream targets it has produced so far.</summary>
internal sealed class DestinationEntry
{
    // Wildcard entries remember the names they served so the per-request path allocates nothing;
    // past this bound a target is built per request instead of growing without limit.
    private const int MaxCachedTargets = 4096;

    private readonly ConcurrentDictionary<string, UpstreamTarget> _targets = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, UpstreamTarget>.AlternateLookup<ReadOnlySpan<char>> _targetsBySpan;

    public DestinationEntry(HostPattern pattern, string label, int port, IPAddress? pinnedAddress, DestinationMetrics metrics)
    {
        Pattern = pattern;
        Label = label;
        Port = port;
        PinnedAddress = pinnedAddress;
        Metrics = metrics;
        _targetsBySpan = _targets.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public HostPattern Pattern { get; }

    /// <summary>The Host as configured: the <c>destination</c> label of every metric.</summary>
    public string Label { get; }

    public int Port { get; }

    public IPAddress? PinnedAddress { get; }

    /// <summary>WebSocket upgrades to this destination are tunnelled (<c>Upgrade: true</c>); otherwise they are refused.</summary>
    public bool AllowsUpgrade { get; init; }

    public DestinationMetrics Metrics { get; }

    public UpstreamTarget GetTarget(ReadOnlySpan<char> name)
    {
        if (_targetsBySpan.TryGetValue(name, out var target))
        {
            return target;
        }

        target = new UpstreamTarget(name.ToString().ToLowerInvariant(), this);
        return _targets.Count < MaxCachedTargets ? _targets.GetOrAdd(target.Host, target) : target;
    }
}
