using System.Net;
using System.Net.Sockets;

namespace EgressSpecs.Proxy.Policy;

/// <summary>
/// An IPv4/IPv6 translation prefix (RFC 6052 section 2.2): an IPv6 address inside it stands for the IPv4 address
/// embedded after the prefix, with the "u" octet (bits 64-71) skipped.
/// </summary>
internal sealed class Nat64Prefix
{
    /// <summary>The prefix lengths RFC 6052 defines.</summary>
    public static readonly int[] Lengths = [32, 40, 48, 56, 64, 96];

    /// <summary>The Well-Known Prefix, translated by every NAT64 that uses it.</summary>
    public static readonly Nat64Prefix WellKnown = new(IPNetwork.Parse("64:ff9b::/96"));

    private readonly byte[] _prefix;

    private Nat64Prefix(IPNetwork network)
    {
        Network = network;
        _prefix = network.BaseAddress.GetAddressBytes()[..(network.PrefixLength / 8)];
    }

    public IPNetwork Network { get; }

    /// <summary>Parses <c>prefix/length</c>: an IPv6 prefix of an RFC 6052 length with no bits set after the length.</summary>
    public static bool TryParse(string? text, out Nat64Prefix prefix)
    {
        prefix = WellKnown;
        var trimmed = text.AsSpan().Trim();
        var slash = trimmed.IndexOf('/');
        if (slash < 0
            || !IPNetwork.TryParse(trimmed, out var network)
            || network.BaseAddress.AddressFamily != AddressFamily.InterNetworkV6
            || Array.IndexOf(Lengths, network.PrefixLength) < 0
            // IPNetwork clears bits set after the length; a prefix written with them is a typo, not that prefix.
            || !IPAddress.TryParse(trimmed[..slash], out var written)
            || !written.Equals(network.BaseAddress))
        {
            return false;
        }

        prefix = new Nat64Prefix(network);
        return true;
    }

    /// <summary>Writes the embedded IPv4 address when the 16-byte <paramref name="ipv6"/> lies inside this prefix.</summary>
    public bool TryExtract(ReadOnlySpan<byte> ipv6, Span<byte> ipv4)
    {
        if (!ipv6.StartsWith(_prefix))
        {
            return false;
        }

        var position = _prefix.Length;
        for (var i = 0; i < 4; i++)
        {
            if (position == 8)
            {
                position++;
            }

            ipv4[i] = ipv6[position++];
        }

        return true;
    }

    public override string ToString() => Network.ToString();
}
