using System.Net;
using System.Net.Sockets;

namespace EgressSpecs.Proxy.Policy;

/// <summary>
/// The SSRF guard's view of an address: anything that is not globally routable unicast is refused when
/// it comes out of DNS (RFC 6890 special-purpose registries).
/// </summary>
internal static class AddressClassifier
{
    public static bool IsPublic(IPAddress address) => Classify(address) == AddressClass.Public;

    public static AddressClass Classify(IPAddress address)
    {
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            Span<byte> v4 = stackalloc byte[4];
            address.TryWriteBytes(v4, out _);
            return ClassifyV4(v4);
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return AddressClass.Reserved;
        }

        Span<byte> b = stackalloc byte[16];
        address.TryWriteBytes(b, out _);
        return ClassifyV6(b);
    }

    private static AddressClass ClassifyV4(ReadOnlySpan<byte> b) => (b[0], b[1], b[2]) switch
    {
        (0, _, _) => AddressClass.Unspecified,
        (10, _, _) => AddressClass.Private,
        (100, >= 64 and <= 127, _) => AddressClass.SharedAddressSpace,
        (127, _, _) => AddressClass.Loopback,
        (169, 254, _) => AddressClass.LinkLocal,
        (172, >= 16 and <= 31, _) => AddressClass.Private,
        (192, 0, 0) => AddressClass.Reserved,
        (192, 0, 2) => AddressClass.Reserved,
        (192, 88, 99) => AddressClass.Reserved,
        (192, 168, _) => AddressClass.Private,
        (198, 18 or 19, _) => AddressClass.Reserved,
        (198, 51, 100) => AddressClass.Reserved,
        (203, 0, 113) => AddressClass.Reserved,
        ( >= 224 and <= 239, _, _) => AddressClass.Multicast,
        ( >= 240, _, _) => AddressClass.Reserved,
        _ => AddressClass.Public,
    };

    private static AddressClass ClassifyV6(ReadOnlySpan<byte> b)
    {
        var firstTen = b[..10];
        var allZeroPrefix = !firstTen.ContainsAnyExcept((byte)0);

        // ::ffff:a.b.c.d (mapped) and ::a.b.c.d (deprecated compatible) carry an IPv4 address.
        if (allZeroPrefix && b[10] == 0xff && b[11] == 0xff)
        {
            return ClassifyV4(b[12..]);
        }

        if (allZeroPrefix && b[10] == 0 && b[11] == 0)
        {
            var rest = b[12..];
            if (!rest[..3].ContainsAnyExcept((byte)0))
            {
                return rest[3] switch
                {
                    0 => AddressClass.Unspecified,
                    1 => AddressClass.Loopback,
                    _ => AddressClass.Reserved,
                };
            }

            return AddressClass.Reserved;
        }

        // 64:ff9b::/96 (NAT64) and 2002::/16 (6to4) reach the IPv4 address they embed.
        if (b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b && !b[4..12].ContainsAnyExcept((byte)0))
        {
            return ClassifyV4(b[12..]);
        }

        if (b[0] == 0x20 && b[1] == 0x02)
        {
            return ClassifyV4(b[2..6]);
        }

        return b[0] switch
        {
            0xff => AddressClass.Multicast,
            0xfc or 0xfd => AddressClass.UniqueLocal,
            0xfe when (b[1] & 0xc0) == 0x80 => AddressClass.LinkLocal,
            0xfe when (b[1] & 0xc0) == 0xc0 => AddressClass.Private, // deprecated site-local fec0::/10
            0x20 when b[1] == 0x01 && b[2] == 0x0d && b[3] == 0xb8 => AddressClass.Reserved, // documentation
            // Only 2000::/3 is allocated global unicast.
            _ when (b[0] & 0xe0) != 0x20 => AddressClass.Reserved,
            _ => AddressClass.Public,
        };
    }
}
