using System.Net;
using CsCheck;
using EgressSpecs.Proxy.Policy;

namespace EgressSpecs.Proxy.Tests.Policy;

/// <summary>
/// The guard against every row of the IANA special-purpose registries: both ends and random addresses of each block,
/// and the IPv4 blocks also in their IPv4-mapped and NAT64 forms.
/// </summary>
public sealed class SpecialPurposeRegistryTests
{
    private const int Cases = 2000;

    private static readonly string[] ConfiguredNat64 = ["2001:db8:64::/96", "fd00:64::/64", "64:ff9b:1::/48"];

    private static readonly AddressGuard Guard = new(ConfiguredNat64);

    public static TheoryData<string, string> Rows() => new(SpecialPurposeRows.All);

    [Fact]
    public void Registry_HoldsEveryRowOfBothIanaRegistries()
    {
        // Given the rows as IANA lists them
        var expected = SpecialPurposeRows.All.Select(row => $"{IPNetwork.Parse(row.Prefix)} {row.GloballyReachable}").Order().ToList();

        // When
        var actual = SpecialPurposeRegistry.IPv4.Concat(SpecialPurposeRegistry.IPv6)
            .Select(block => $"{block.Network} {Registry(block.GloballyReachable)}").Order().ToList();

        // Then
        Assert.Equal(expected, actual);
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public void Judge_BothEndsOfEachBlock_FollowTheRegistry(string prefix, string globallyReachable)
    {
        // Given the first and the last address of the block
        var block = Block(prefix);
        foreach (var address in new[] { block.First, block.Last })
        {
            // When
            var verdict = Guard.Judge(address);

            // Then: what is not globally reachable is refused; a reachable row counts only where no other row forbids it
            var expected = Expected(address);
            Assert.True(expected == verdict.IsPublic, $"{address} in {prefix} ({globallyReachable}): {verdict}");
            if (globallyReachable != "True")
            {
                Assert.False(verdict.IsPublic, $"{address} in {prefix}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public void Judge_IPv4BlockEndsInMappedAndNat64Forms_AreJudgedAsTheIPv4Address(string prefix, string globallyReachable)
    {
        var block = Block(prefix);
        if (!block.IsIPv4)
        {
            return;
        }

        foreach (var ipv4 in new[] { block.First, block.Last })
        {
            // Given the same IPv4 address written in every IPv6 form that reaches it
            var expected = SpecialPurposeRows.IsPublicIPv4(ipv4);
            foreach (var form in IPv6Forms(ipv4))
            {
                // When
                var verdict = Guard.Judge(form);

                // Then
                Assert.True(expected == verdict.IsPublic, $"{form} carries {ipv4} ({prefix}, {globallyReachable}): {verdict}");
            }
        }
    }

    [Fact]
    public void Judge_RandomAddressInsideANonGlobalBlock_IsRefusedInEveryForm()
    {
        // Given a non-global block and a random address inside it
        var nonGlobal = SpecialPurposeRegistry.IPv4.Concat(SpecialPurposeRegistry.IPv6)
            .Where(block => block.GloballyReachable != GlobalReachability.True && block.Network.ToString() != "::ffff:0:0/96")
            .ToArray();
        Gen.Select(Gen.Int[0, nonGlobal.Length - 1], Gen.ULong, Gen.ULong).Sample((index, high, low) =>
        {
            var block = nonGlobal[index];
            var address = Inside(block, new UInt128(high, low));

            // When / Then (the address itself by the guard without configured NAT64 prefixes, which may lie in such a block)
            Assert.False(AddressGuard.WithoutNat64Prefixes.Judge(address).IsPublic, $"{address} in {block}");
            if (block.IsIPv4)
            {
                foreach (var form in IPv6Forms(address))
                {
                    Assert.False(Guard.Judge(form).IsPublic, $"{form} carries {address} in {block}");
                }
            }
        }, iter: Cases);
    }

    [Fact]
    public void Judge_AnyIPv4Address_AgreesWithTheRegistryInEveryForm()
    {
        // Given random addresses, and addresses just outside each block's ends (where an off-by-one would show)
        var edges = SpecialPurposeRegistry.IPv4.SelectMany(block => new[] { Step(block.First, -1), Step(block.Last, +1) }).ToArray();
        var addresses = Gen.OneOf(
            Gen.UInt.Select(value => new IPAddress(BitConverter.GetBytes(value))),
            Gen.Int[0, edges.Length - 1].Select(index => edges[index]));

        addresses.Sample(ipv4 =>
        {
            // When / Then
            var expected = SpecialPurposeRows.IsPublicIPv4(ipv4);
            Assert.True(expected == Guard.Judge(ipv4).IsPublic, $"{ipv4}");
            foreach (var form in IPv6Forms(ipv4))
            {
                Assert.True(expected == Guard.Judge(form).IsPublic, $"{form} carries {ipv4}");
            }
        }, iter: Cases);
    }

    [Fact]
    public void Judge_AnyNativeIPv6Address_AgreesWithTheRegistry()
    {
        // Given random addresses, mostly in 2000::/3 and around 2001::/16, and addresses just outside each block's ends
        var edges = SpecialPurposeRegistry.IPv6.SelectMany(block => new[] { Step(block.First, -1), Step(block.Last, +1) }).ToArray();
        var addresses = Gen.OneOf(
            Gen.Select(Gen.ULong, Gen.ULong, (high, low) => Address(new UInt128(high, low))),
            Gen.Select(Gen.ULong, Gen.ULong, (high, low) => Address(new UInt128((high & 0x1fff_ffff_ffff_ffff) | 0x2000_0000_0000_0000, low))),
            Gen.Select(Gen.ULong, Gen.ULong, (high, low) => Address(new UInt128((high & 0x0000_ffff_ffff_ffff) | 0x2001_0000_0000_0000, low))),
            Gen.Int[0, edges.Length - 1].Select(index => edges[index]));

        // The guard without configured prefixes: only the well-known NAT64 prefix and the mapped form carry IPv4.
        addresses.Where(address => !address.IsIPv4MappedToIPv6 && !IPNetwork.Parse("64:ff9b::/96").Contains(address)).Sample(address =>
        {
            // When / Then
            Assert.True(SpecialPurposeRows.IsPublicIPv6(address) == AddressGuard.WithoutNat64Prefixes.Judge(address).IsPublic, $"{address}");
        }, iter: Cases);
    }

    private static bool Expected(IPAddress address)
    {
        if (address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork)
        {
            return SpecialPurposeRows.IsPublicIPv4(address);
        }

        if (address.IsIPv4MappedToIPv6)
        {
            return SpecialPurposeRows.IsPublicIPv4(address.MapToIPv4());
        }

        foreach (var prefix in ConfiguredNat64.Append("64:ff9b::/96"))
        {
            if (IPNetwork.Parse(prefix).Contains(address))
            {
                return SpecialPurposeRows.IsPublicIPv4(Nat64Gen.Extract(prefix, address));
            }
        }

        return SpecialPurposeRows.IsPublicIPv6(address);
    }

    /// <summary>The mapped form, the well-known NAT64 form and the forms under the test guard's configured prefixes.</summary>
    private static IEnumerable<IPAddress> IPv6Forms(IPAddress ipv4)
    {
        yield return ipv4.MapToIPv6();
        yield return Nat64Gen.Embed("64:ff9b::/96", ipv4);
        yield return Nat64Gen.Embed("2001:db8:64::/96", ipv4);
        yield return Nat64Gen.Embed("fd00:64::/64", ipv4);
        yield return Nat64Gen.Embed("64:ff9b:1::/48", ipv4);
    }

    private static SpecialPurposeBlock Block(string prefix) =>
        SpecialPurposeRegistry.IPv4.Concat(SpecialPurposeRegistry.IPv6).Single(block => block.Network.Equals(IPNetwork.Parse(prefix)));

    private static IPAddress Inside(SpecialPurposeBlock block, UInt128 random)
    {
        var width = block.IsIPv4 ? 32 : 128;
        var hostBits = width - block.Network.PrefixLength;
        var host = hostBits == 0 ? UInt128.Zero : hostBits == 128 ? random : random & ((UInt128.One << hostBits) - 1);
        var first = AddressBits.Read(block.First.GetAddressBytes());
        return AddressBits.ToAddress(first | host, block.IsIPv4);
    }

    private static IPAddress Step(IPAddress address, int by)
    {
        var ipv4 = address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork;
        var value = AddressBits.Read(address.GetAddressBytes());
        var max = ipv4 ? uint.MaxValue : UInt128.MaxValue;
        value = by < 0 ? (value == 0 ? max : value - 1) : (value == max ? 0 : value + 1);
        return AddressBits.ToAddress(value, ipv4);
    }

    private static IPAddress Address(UInt128 value) => AddressBits.ToAddress(value, ipv4: false);

    private static string Registry(GlobalReachability reachability) => reachability switch
    {
        GlobalReachability.True => "True",
        GlobalReachability.False => "False",
        GlobalReachability.NotApplicable => "N/A",
        _ => "",
    };
}
