using System.Net;

namespace EgressSpecs.Proxy.Tests.Policy;

/// <summary>
/// The IANA IPv4 and IPv6 Special-Purpose Address Registries, last updated 2025-10-09, copied a second time for the
/// tests: prefix and "Globally Reachable" as the registry writes it (True, False, N/A, or empty for a terminated row).
/// The oracle below judges with <see cref="IPNetwork.Contains"/>, independently of the proxy's own prefix arithmetic.
/// </summary>
internal static class SpecialPurposeRows
{
    public static readonly (string Prefix, string GloballyReachable)[] All =
    [
        ("0.0.0.0/8", "False"), ("0.0.0.0/32", "False"), ("10.0.0.0/8", "False"), ("100.64.0.0/10", "False"),
        ("127.0.0.0/8", "False"), ("169.254.0.0/16", "False"), ("172.16.0.0/12", "False"), ("192.0.0.0/24", "False"),
        ("192.0.0.0/29", "False"), ("192.0.0.8/32", "False"), ("192.0.0.9/32", "True"), ("192.0.0.10/32", "True"),
        ("192.0.0.170/32", "False"), ("192.0.0.171/32", "False"), ("192.0.2.0/24", "False"), ("192.31.196.0/24", "True"),
        ("192.52.193.0/24", "True"), ("192.88.99.0/24", ""), ("192.88.99.2/32", "False"), ("192.168.0.0/16", "False"),
        ("192.175.48.0/24", "True"), ("198.18.0.0/15", "False"), ("198.51.100.0/24", "False"), ("203.0.113.0/24", "False"),
        ("240.0.0.0/4", "False"), ("255.255.255.255/32", "False"),

        ("::1/128", "False"), ("::/128", "False"), ("::ffff:0:0/96", "False"), ("64:ff9b::/96", "True"),
        ("64:ff9b:1::/48", "False"), ("100::/64", "False"), ("100:0:0:1::/64", "False"), ("2001::/23", "False"),
        ("2001::/32", "N/A"), ("2001:1::1/128", "True"), ("2001:1::2/128", "True"), ("2001:1::3/128", "True"),
        ("2001:2::/48", "False"), ("2001:3::/32", "True"), ("2001:4:112::/48", "True"), ("2001:10::/28", ""),
        ("2001:20::/28", "True"), ("2001:30::/28", "True"), ("2001:db8::/32", "False"), ("2002::/16", "N/A"),
        ("2620:4f:8000::/48", "True"), ("3fff::/20", "False"), ("5f00::/16", "False"), ("fc00::/7", "False"),
        ("fe80::/10", "False"),
    ];

    private static readonly IPNetwork[] NotGlobal =
        [.. All.Where(row => row.GloballyReachable != "True").Select(row => IPNetwork.Parse(row.Prefix))];

    private static readonly IPNetwork Multicast = IPNetwork.Parse("224.0.0.0/4");
    private static readonly IPNetwork GlobalUnicast = IPNetwork.Parse("2000::/3");

    /// <summary>The documented rule for an address as DNS returns it, with no NAT64 or mapping involved.</summary>
    public static bool IsPublicIPv4(IPAddress ipv4) => !NotGlobal.Any(block => block.Contains(ipv4)) && !Multicast.Contains(ipv4);

    /// <summary>The documented rule for a native IPv6 address (not mapped, not inside a NAT64 prefix).</summary>
    public static bool IsPublicIPv6(IPAddress ipv6) => !NotGlobal.Any(block => block.Contains(ipv6)) && GlobalUnicast.Contains(ipv6);
}
