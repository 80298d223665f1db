using System.Net;
using CsCheck;
using EgressSpecs.Proxy.Policy;

namespace EgressSpecs.Proxy.Tests.Policy;

public sealed class AddressGuardTests
{
    [Theory]
    [InlineData("0.0.0.0")]
    [InlineData("127.0.0.1")]
    [InlineData("10.1.2.3")]
    [InlineData("172.31.255.255")]
    [InlineData("192.168.0.1")]
    [InlineData("169.254.169.254")]
    [InlineData("100.64.0.1")]
    [InlineData("192.0.0.9")]
    [InlineData("192.0.2.1")]
    [InlineData("198.19.255.255")]
    [InlineData("224.0.0.1")]
    [InlineData("255.255.255.255")]
    [InlineData("::")]
    [InlineData("::1")]
    [InlineData("::127.0.0.1")]
    [InlineData("fc00::1")]
    [InlineData("fe80::1")]
    [InlineData("fec0::1")]
    [InlineData("ff02::1")]
    [InlineData("100::1")]
    [InlineData("100:0:0:1::1")]
    [InlineData("2001::1")]
    [InlineData("2001:2::1")]
    [InlineData("2001:3::1")]
    [InlineData("2001:db8::1")]
    [InlineData("2002:808:808::1")]
    [InlineData("3fff::1")]
    [InlineData("3fff:fff:ffff:ffff:ffff:ffff:ffff:ffff")]
    [InlineData("5f00::1")]
    [InlineData("64:ff9b:1::808:808")]
    [InlineData("::ffff:127.0.0.1")]
    [InlineData("::ffff:169.254.169.254")]
    [InlineData("64:ff9b::a00:1")]
    [InlineData("64:ff9b::a9fe:a9fe")]
    public void Judge_NonPublicAddress_IsRefusedAndNamesTheBlock(string address)
    {
        // When
        var verdict = AddressGuard.WithoutNat64Prefixes.Judge(IPAddress.Parse(address));

        // Then
        Assert.False(verdict.IsPublic);
        Assert.NotEmpty(verdict.Reason);
    }

    [Theory]
    [InlineData("8.8.8.8")]
    [InlineData("100.63.255.255")]
    [InlineData("100.128.0.0")]
    [InlineData("172.32.0.1")]
    [InlineData("192.31.196.1")]
    [InlineData("192.175.48.1")]
    [InlineData("223.255.255.255")]
    [InlineData("2606:4700::1111")]
    [InlineData("2620:4f:8000::1")]
    [InlineData("2c0f:f248::1")]
    [InlineData("3ffe::1")]
    [InlineData("::ffff:8.8.8.8")]
    [InlineData("64:ff9b::808:808")]
    public void Judge_PublicAddress_IsAllowed(string address) =>
        Assert.True(AddressGuard.WithoutNat64Prefixes.Judge(IPAddress.Parse(address)).IsPublic, address);

    [Fact]
    public void Judge_DocumentationIPv6_NamesTheRegistryRow()
    {
        // When
        var verdict = AddressGuard.WithoutNat64Prefixes.Judge(IPAddress.Parse("3fff::1"));

        // Then
        Assert.Equal("3fff::/20 (Documentation, RFC 9637)", verdict.Reason);
    }

    [Theory]
    [InlineData("2001:db8::/32")]
    [InlineData("2001:db8:100::/40")]
    [InlineData("2001:db8:100::/48")]
    [InlineData("2001:db8:100::/56")]
    [InlineData("2001:db8:100::/64")]
    [InlineData("fd00:64::/96")]
    [InlineData("64:ff9b:1::/96")]
    public void Judge_AddressInsideAConfiguredNat64Prefix_IsJudgedByTheEmbeddedIPv4(string prefix)
    {
        // Given a NAT64 prefix in documentation or unique-local space, which would otherwise be refused as such
        var guard = new AddressGuard([prefix]);

        Gen.UInt.Sample(value =>
        {
            var ipv4 = new IPAddress(BitConverter.GetBytes(value));
            var ipv6 = Nat64Gen.Embed(prefix, ipv4);

            // When / Then
            Assert.Equal(SpecialPurposeRows.IsPublicIPv4(ipv4), guard.Judge(ipv6).IsPublic);
        }, iter: 500);
    }

    [Theory]
    [InlineData("2001:db8::/32", true)]
    [InlineData("2001:db8::/40", true)]
    [InlineData("2001:db8::/48", true)]
    [InlineData("2001:db8::/56", true)]
    [InlineData("2001:db8::/64", true)]
    [InlineData("2001:db8::/96", true)]
    [InlineData(" 64:ff9b:1::/96 ", true)]
    [InlineData("2001:db8::/33", false)]
    [InlineData("2001:db8::/128", false)]
    [InlineData("2001:db8::1/96", false)]
    [InlineData("10.0.0.0/8", false)]
    [InlineData("2001:db8::", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void TryParse_Nat64Prefix_AcceptsOnlyRfc6052Lengths(string? text, bool valid) =>
        Assert.Equal(valid, Nat64Prefix.TryParse(text, out _));
}
