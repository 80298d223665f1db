using System.Net;

namespace EgressSpecs.Proxy.Tests.Policy;

/// <summary>RFC 6052 section 2.2, written out bit by bit: where the 32 IPv4 bits go for each prefix length.</summary>
internal static class Nat64Gen
{
    /// <summary>The IPv6 address that stands for <paramref name="ipv4"/> under <paramref name="prefix"/> (u octet zero, suffix zero).</summary>
    public static IPAddress Embed(string prefix, IPAddress ipv4)
    {
        var network = IPNetwork.Parse(prefix);
        var bytes = network.BaseAddress.GetAddressBytes();
        var v4 = ipv4.GetAddressBytes();
        // Bit positions of the IPv4 address in the IPv6 address: from the prefix length on, skipping bits 64-71.
        var bit = network.PrefixLength;
        for (var i = 0; i < 32; i++, bit++)
        {
            if (bit == 64)
            {
                bit = 72;
            }

            var set = (v4[i / 8] >> (7 - (i % 8)) & 1) == 1;
            if (set)
            {
                bytes[bit / 8] |= (byte)(0x80 >> (bit % 8));
            }
        }

        return new IPAddress(bytes);
    }

    /// <summary>The IPv4 address that <paramref name="ipv6"/> stands for under <paramref name="prefix"/>.</summary>
    public static IPAddress Extract(string prefix, IPAddress ipv6)
    {
        var bytes = ipv6.GetAddressBytes();
        var v4 = new byte[4];
        var bit = IPNetwork.Parse(prefix).PrefixLength;
        for (var i = 0; i < 32; i++, bit++)
        {
            if (bit == 64)
            {
                bit = 72;
            }

            if ((bytes[bit / 8] >> (7 - (bit % 8)) & 1) == 1)
            {
                v4[i / 8] |= (byte)(0x80 >> (i % 8));
            }
        }

        return new IPAddress(v4);
    }
}
