using System.Globalization;
using System.Net;
using CsCheck;

namespace EgressSpecs.Proxy.Tests.Support;

/// <summary>
/// Generators of destination names and Host headers: smart ones built from the rules (IP literal forms of random
/// addresses, internal names from the zones the proxy refuses, public names) and dumb ones (random text).
/// </summary>
internal static class HostGen
{
    public const string Suffix = "egress.local";
    private const string Letters = "abcdefghijklmnopqrstuvwxyz";
    private const string Digits = "0123456789";

    /// <summary>An RFC 1123 label that starts with a letter, so it is never read as a number.</summary>
    public static readonly Gen<string> Label = Gen.Select(
        Gen.Char[Letters],
        Gen.Char[Letters + Digits].Array[0, 8],
        Gen.Char[Letters + Digits].Array[0, 3],
        (first, middle, end) => first + new string(middle) + (end.Length > 0 ? "-" + new string(end) : ""));

    /// <summary>Two to four labels under a public top-level domain.</summary>
    public static readonly Gen<string> PublicName = Gen.Select(
        Label.Array[1, 3],
        Gen.OneOf("com", "org", "net", "io", "dev", "co.uk", "example"),
        (labels, tld) => string.Join('.', labels) + "." + tld);

    /// <summary>Names the proxy must refuse as internal: built-in zones, single labels and the configured names.</summary>
    public static Gen<string> InternalName(IReadOnlyList<string> configured) => Gen.OneOf(
        Gen.Const("localhost"),
        Gen.Const("home.arpa"),
        Label,
        Gen.Select(Label.Array[1, 3], Gen.OneOf(BuiltInZones.Concat(configured.Where(p => p.StartsWith("*.", StringComparison.Ordinal)).Select(p => p[2..])).ToArray()),
            (labels, zone) => string.Join('.', labels) + "." + zone),
        Gen.OneOf(configured.Where(p => !p.StartsWith('*')).DefaultIfEmpty("localhost").ToArray()));

    /// <summary>Every textual form of an IPv4 address that resolvers and URL parsers accept, from a random address.</summary>
    public static readonly Gen<string> IPv4Literal = Gen.Select(Gen.UInt, Gen.Int[1, 4], Gen.Int.Array[4], RenderIPv4);

    /// <summary>IPv6 literals, bare or bracketed: random, well-known, and IPv4-mapped in both notations.</summary>
    public static readonly Gen<string> IPv6Literal = Gen.Select(
        Gen.OneOf(
            Gen.Byte.Array[16].Select(bytes => new IPAddress(bytes)),
            Gen.UInt.Select(v4 => new IPAddress(V4Bytes(v4)).MapToIPv6()),
            Gen.OneOf(IPAddress.IPv6Loopback, IPAddress.IPv6Any, IPAddress.Parse("fe80::1"), IPAddress.Parse("fd00::1"), IPAddress.Parse("::ffff:169.254.169.254"))),
        Gen.Int[0, 2],
        Gen.Bool,
        (address, notation, bracketed) =>
        {
            var text = notation switch
            {
                0 => address.ToString(),
                1 => string.Join(':', Enumerable.Range(0, 8).Select(i => ((address.GetAddressBytes()[2 * i] << 8) | address.GetAddressBytes()[(2 * i) + 1]).ToString("x4", CultureInfo.InvariantCulture))),
                _ => "::ffff:" + string.Join('.', address.GetAddressBytes()[12..]),
            };
            return bracketed ? "[" + text + "]" : text;
        });

    /// <summary>Random text from an alphabet of the characters that matter to host parsing, including look-alikes.</summary>
    public static readonly Gen<string> HostileText = Gen.Char["aAzZ09x.-:[]%@/\\ \t\r\n\0_ſıKİ．。\u200b\ufffd"].Array[0, 40].Select(chars => new string(chars));

    /// <summary>Arbitrary unicode strings, plus huge ones (well past the 253-character name limit).</summary>
    public static readonly Gen<string> AnyText = Gen.Frequency(
        (8, Gen.String),
        (4, HostileText),
        (1, Gen.Select(Gen.Char[Letters + "."].Array[200, 70_000], chars => new string(chars))));

    /// <summary>The Host header clients send for <paramref name="name"/>: random ASCII case, optional trailing dot and port.</summary>
    public static Gen<string> HostFor(Gen<string> name) => Gen.Select(
        WithRandomCase(name), Gen.Bool, Gen.OneOf("", ":80", ":8080", ":65535", ":0"),
        (n, trailingDot, port) => n + "." + Suffix + (trailingDot ? "." : "") + port);

    /// <summary>The same text with each ASCII letter's case chosen at random.</summary>
    public static Gen<string> WithRandomCase(Gen<string> text) =>
        text.SelectMany(t => Gen.Bool.Array[t.Length].Select(upper => string.Create(t.Length, (t, upper), static (span, state) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                var c = state.t[i];
                span[i] = state.upper[i] && char.IsAsciiLetterLower(c) ? char.ToUpperInvariant(c) : c;
            }
        })));

    public static readonly string[] BuiltInZones = ["localhost", "svc", "cluster.local", "internal", "local", "arpa", "home.arpa", "svc.cluster.local"];

    public static byte[] V4Bytes(uint address) => [(byte)(address >> 24), (byte)(address >> 16), (byte)(address >> 8), (byte)address];

    /// <summary>
    /// <paramref name="parts"/> numbers (a.b.c.d, a.b.c, a.b or one 32-bit number), each written in decimal, octal
    /// (leading 0) or hex (0x or 0X) as <paramref name="radixes"/> pick.
    /// </summary>
    private static string RenderIPv4(uint address, int parts, int[] radixes)
    {
        var b = V4Bytes(address);
        ulong[] values = parts switch
        {
            1 => [address],
            2 => [b[0], address & 0xffffff],
            3 => [b[0], b[1], address & 0xffff],
            _ => [b[0], b[1], b[2], b[3]],
        };
        return string.Join('.', values.Select((value, i) => (radixes[i] & 3) switch
        {
            0 => value.ToString(CultureInfo.InvariantCulture),
            1 => "0" + Convert.ToString((long)value, 8),
            2 => "0x" + value.ToString("x", CultureInfo.InvariantCulture),
            _ => "0X" + value.ToString("X", CultureInfo.InvariantCulture),
        }));
    }
}
