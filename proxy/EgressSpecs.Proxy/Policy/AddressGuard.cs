using System.Net;
using System.Net.Sockets;

namespace EgressSpecs.Proxy.Policy;

/// <summary>
/// The SSRF guard for addresses that come out of DNS. Refused:
/// <list type="bullet">
/// <item>every address inside a block of the IANA special-purpose registries (<see cref="SpecialPurposeRegistry"/>) whose
/// "Globally Reachable" is False, N/A (Teredo, 6to4: what they reach depends on what they embed, and no HTTPS service
/// needs them) or empty (terminated rows). A globally reachable row nested inside such a block (the PCP, TURN and
/// DNS-SD anycast addresses, AMT, AS112-v6, ORCHIDv2, DETs) is refused with its parent: an anycast service is
/// answered by whichever operator is nearest, possibly one inside the network, and none of them is an HTTPS API;</item>
/// <item>IPv4 multicast (224.0.0.0/4) and every IPv6 address outside 2000::/3, the only global unicast space
/// (IANA IPv6 Address Space registry): multicast, site-local and the deprecated IPv4-compatible form included.</item>
/// </list>
/// An IPv4-mapped address (::ffff:a.b.c.d) and an address inside a NAT64 prefix (64:ff9b::/96 or one of
/// <c>Egress:Nat64Prefixes</c>) are judged by the IPv4 address they carry, which is where the connection ends up.
/// </summary>
internal sealed class AddressGuard
{
    private static readonly SpecialPurposeBlock IPv4Multicast =
        new("224.0.0.0/4", "Multicast", "RFC 5771", GlobalReachability.False);

    private readonly Nat64Prefix[] _nat64;

    public AddressGuard(IEnumerable<string> nat64Prefixes)
    {
        var prefixes = new List<Nat64Prefix>();
        foreach (var text in nat64Prefixes)
        {
            if (!Nat64Prefix.TryParse(text, out var prefix))
            {
                throw new ArgumentException($"'{text}' is not an RFC 6052 NAT64 prefix.", nameof(nat64Prefixes));
            }

            prefixes.Add(prefix);
        }

        prefixes.Add(Nat64Prefix.WellKnown);
        _nat64 = [.. prefixes];
    }

    public static AddressGuard WithoutNat64Prefixes { get; } = new([]);

    public AddressVerdict Judge(IPAddress address)
    {
        Span<byte> bytes = stackalloc byte[16];
        if (!address.TryWriteBytes(bytes, out var written))
        {
            return AddressVerdict.Refused("not an IP address");
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            return JudgeIPv4(bytes[..written], via: null);
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return AddressVerdict.Refused($"address family {address.AddressFamily}");
        }

        if (address.IsIPv4MappedToIPv6)
        {
            return JudgeIPv4(bytes[12..], via: "IPv4-mapped ::ffff:0:0/96");
        }

        Span<byte> embedded = stackalloc byte[4];
        foreach (var prefix in _nat64)
        {
            if (prefix.TryExtract(bytes, embedded))
            {
                return JudgeIPv4(embedded, via: $"NAT64 prefix {prefix}");
            }
        }

        var value = AddressBits.Read(bytes);
        foreach (var block in SpecialPurposeRegistry.IPv6)
        {
            if (block.GloballyReachable != GlobalReachability.True && block.Contains(value))
            {
                return AddressVerdict.Refused(block.ToString());
            }
        }

        return (bytes[0] & 0xe0) == 0x20
            ? AddressVerdict.Public
            : AddressVerdict.Refused("outside the global unicast space 2000::/3 (IANA IPv6 Address Space)");
    }

    private static AddressVerdict JudgeIPv4(ReadOnlySpan<byte> ipv4, string? via)
    {
        var value = AddressBits.Read(ipv4);
        foreach (var block in SpecialPurposeRegistry.IPv4)
        {
            if (block.GloballyReachable != GlobalReachability.True && block.Contains(value))
            {
                return Refused(block, via);
            }
        }

        return IPv4Multicast.Contains(value) ? Refused(IPv4Multicast, via) : AddressVerdict.Public;
    }

    private static AddressVerdict Refused(SpecialPurposeBlock block, string? via) =>
        AddressVerdict.Refused(via is null ? block.ToString() : $"{via} carrying an address in {block}");
}
