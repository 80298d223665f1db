using System.Net;
using EgressSpecs.Dns.Rewrite;

namespace EgressSpecs.Dns.Server;

/// <summary>What the local stand-in for cluster DNS serves.</summary>
public sealed class ClusterDnsOptions
{
    /// <summary>The rewrite rules applied to every question before the record table is consulted.</summary>
    public RewriteRuleSet Rules { get; init; } = RewriteRuleSet.Empty;

    /// <summary>
    /// The names that exist (case-insensitive, trailing dot optional) and their address, e.g.
    /// <c>proxy.egress.svc.cluster.local.</c> to 127.0.0.1: an IPv4 address answers A questions, an IPv6 address AAAA
    /// questions, the other type gets an empty answer. Every other name is NXDOMAIN.
    /// </summary>
    public IReadOnlyDictionary<string, IPAddress> Records { get; init; } = new Dictionary<string, IPAddress>();

    /// <summary>The loopback address to listen on.</summary>
    public IPAddress BindAddress { get; init; } = IPAddress.Loopback;

    /// <summary>The UDP and TCP port; 0 picks a free port that is free for both.</summary>
    public int Port { get; init; }

    /// <summary>The TTL of answers, small so that nothing caches a rule change for long.</summary>
    public int TimeToLiveSeconds { get; init; } = 5;
}
