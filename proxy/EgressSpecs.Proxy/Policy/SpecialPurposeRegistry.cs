namespace EgressSpecs.Proxy.Policy;

/// <summary>
/// The IANA IPv4 and IPv6 Special-Purpose Address Registries (RFC 6890), every row as the registries stood when they
/// were last updated, on <see cref="LastUpdated"/>:
/// https://www.iana.org/assignments/iana-ipv4-special-registry/ and
/// https://www.iana.org/assignments/iana-ipv6-special-registry/. A row listing two addresses is two blocks here.
/// When IANA adds a row, add it here and to the test table in SpecialPurposeRegistryTests.
/// </summary>
internal static class SpecialPurposeRegistry
{
    /// <summary>The "Last Updated" date of both registries this table copies.</summary>
    public const string LastUpdated = "2025-10-09";

    public static readonly IReadOnlyList<SpecialPurposeBlock> IPv4 =
    [
        new("0.0.0.0/8", "\"This network\"", "RFC 791", GlobalReachability.False),
        new("0.0.0.0/32", "\"This host on this network\"", "RFC 1122", GlobalReachability.False),
        new("10.0.0.0/8", "Private-Use", "RFC 1918", GlobalReachability.False),
        new("100.64.0.0/10", "Shared Address Space", "RFC 6598", GlobalReachability.False),
        new("127.0.0.0/8", "Loopback", "RFC 1122", GlobalReachability.False),
        new("169.254.0.0/16", "Link Local", "RFC 3927", GlobalReachability.False),
        new("172.16.0.0/12", "Private-Use", "RFC 1918", GlobalReachability.False),
        new("192.0.0.0/24", "IETF Protocol Assignments", "RFC 6890", GlobalReachability.False),
        new("192.0.0.0/29", "IPv4 Service Continuity Prefix", "RFC 7335", GlobalReachability.False),
        new("192.0.0.8/32", "IPv4 dummy address", "RFC 7600", GlobalReachability.False),
        new("192.0.0.9/32", "Port Control Protocol Anycast", "RFC 7723", GlobalReachability.True),
        new("192.0.0.10/32", "Traversal Using Relays around NAT Anycast", "RFC 8155", GlobalReachability.True),
        new("192.0.0.170/32", "NAT64/DNS64 Discovery", "RFC 8880", GlobalReachability.False),
        new("192.0.0.171/32", "NAT64/DNS64 Discovery", "RFC 8880", GlobalReachability.False),
        new("192.0.2.0/24", "Documentation (TEST-NET-1)", "RFC 5737", GlobalReachability.False),
        new("192.31.196.0/24", "AS112-v4", "RFC 7535", GlobalReachability.True),
        new("192.52.193.0/24", "AMT", "RFC 7450", GlobalReachability.True),
        new("192.88.99.0/24", "Deprecated (6to4 Relay Anycast)", "RFC 7526", GlobalReachability.Terminated),
        new("192.88.99.2/32", "6a44-relay anycast address", "RFC 6751", GlobalReachability.False),
        new("192.168.0.0/16", "Private-Use", "RFC 1918", GlobalReachability.False),
        new("192.175.48.0/24", "Direct Delegation AS112 Service", "RFC 7534", GlobalReachability.True),
        new("198.18.0.0/15", "Benchmarking", "RFC 2544", GlobalReachability.False),
        new("198.51.100.0/24", "Documentation (TEST-NET-2)", "RFC 5737", GlobalReachability.False),
        new("203.0.113.0/24", "Documentation (TEST-NET-3)", "RFC 5737", GlobalReachability.False),
        new("240.0.0.0/4", "Reserved", "RFC 1112", GlobalReachability.False),
        new("255.255.255.255/32", "Limited Broadcast", "RFC 919", GlobalReachability.False),
    ];

    public static readonly IReadOnlyList<SpecialPurposeBlock> IPv6 =
    [
        new("::1/128", "Loopback Address", "RFC 4291", GlobalReachability.False),
        new("::/128", "Unspecified Address", "RFC 4291", GlobalReachability.False),
        new("::ffff:0:0/96", "IPv4-mapped Address", "RFC 4291", GlobalReachability.False),
        new("64:ff9b::/96", "IPv4-IPv6 Translat.", "RFC 6052", GlobalReachability.True),
        new("64:ff9b:1::/48", "IPv4-IPv6 Translat.", "RFC 8215", GlobalReachability.False),
        new("100::/64", "Discard-Only Address Block", "RFC 6666", GlobalReachability.False),
        new("100:0:0:1::/64", "Dummy IPv6 Prefix", "RFC 9780", GlobalReachability.False),
        new("2001::/23", "IETF Protocol Assignments", "RFC 2928", GlobalReachability.False),
        new("2001::/32", "TEREDO", "RFC 4380", GlobalReachability.NotApplicable),
        new("2001:1::1/128", "Port Control Protocol Anycast", "RFC 7723", GlobalReachability.True),
        new("2001:1::2/128", "Traversal Using Relays around NAT Anycast", "RFC 8155", GlobalReachability.True),
        new("2001:1::3/128", "DNS-SD Service Registration Protocol Anycast", "RFC 9665", GlobalReachability.True),
        new("2001:2::/48", "Benchmarking", "RFC 5180", GlobalReachability.False),
        new("2001:3::/32", "AMT", "RFC 7450", GlobalReachability.True),
        new("2001:4:112::/48", "AS112-v6", "RFC 7535", GlobalReachability.True),
        new("2001:10::/28", "Deprecated (previously ORCHID)", "RFC 4843", GlobalReachability.Terminated),
        new("2001:20::/28", "ORCHIDv2", "RFC 7343", GlobalReachability.True),
        new("2001:30::/28", "Drone Remote ID Protocol Entity Tags (DETs) Prefix", "RFC 9374", GlobalReachability.True),
        new("2001:db8::/32", "Documentation", "RFC 3849", GlobalReachability.False),
        new("2002::/16", "6to4", "RFC 3056", GlobalReachability.NotApplicable),
        new("2620:4f:8000::/48", "Direct Delegation AS112 Service", "RFC 7534", GlobalReachability.True),
        new("3fff::/20", "Documentation", "RFC 9637", GlobalReachability.False),
        new("5f00::/16", "Segment Routing (SRv6) SIDs", "RFC 9602", GlobalReachability.False),
        new("fc00::/7", "Unique-Local", "RFC 4193", GlobalReachability.False),
        new("fe80::/10", "Link-Local Unicast", "RFC 4291", GlobalReachability.False),
    ];
}
