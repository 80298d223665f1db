using System.Net;
using CsCheck;
using EgressSpecs.Proxy.Policy;

namespace EgressSpecs.Proxy.Tests.Policy;

public sealed class AddressClassifierTests
{
    [Theory]
    [InlineData("0.0.0.0", nameof(AddressClass.Unspecified))]
    [InlineData("127.0.0.1", nameof(AddressClass.Loopback))]
    [InlineData("127.255.255.254", nameof(AddressClass.Loopback))]
    [InlineData("10.1.2.3", nameof(AddressClass.Private))]
    [InlineData("172.16.0.1", nameof(AddressClass.Private))]
    [InlineData("172.31.255.255", nameof(AddressClass.Private))]
    [InlineData("192.168.0.1", nameof(AddressClass.Private))]
    [InlineData("169.254.169.254", nameof(AddressClass.LinkLocal))]
    [InlineData("100.64.0.1", nameof(AddressClass.SharedAddressSpace))]
    [InlineData("100.127.255.255", nameof(AddressClass.SharedAddressSpace))]
    [InlineData("224.0.0.1", nameof(AddressClass.Multicast))]
    [InlineData("255.255.255.255", nameof(AddressClass.Reserved))]
    [InlineData("192.0.2.1", nameof(AddressClass.Reserved))]
    [InlineData("::", nameof(AddressClass.Unspecified))]
    [InlineData("::1", nameof(AddressClass.Loopback))]
    [InlineData("fc00::1", nameof(AddressClass.UniqueLocal))]
    [InlineData("fd12:3456::1", nameof(AddressClass.UniqueLocal))]
    [InlineData("fe80::1", nameof(AddressClass.LinkLocal))]
    [InlineData("ff02::1", nameof(AddressClass.Multicast))]
    [InlineData("::ffff:127.0.0.1", nameof(AddressClass.Loopback))]
    [InlineData("::ffff:169.254.169.254", nameof(AddressClass.LinkLocal))]
    [InlineData("::ffff:10.0.0.1", nameof(AddressClass.Private))]
    [InlineData("64:ff9b::a00:1", nameof(AddressClass.Private))]
    [InlineData("2002:a00:1::1", nameof(AddressClass.Private))]
    [InlineData("2001:db8::1", nameof(AddressClass.Reserved))]
    [InlineData("8.8.8.8", nameof(AddressClass.Public))]
    [InlineData("100.63.255.255", nameof(AddressClass.Public))]
    [InlineData("172.32.0.1", nameof(AddressClass.Public))]
    [InlineData("2606:4700::1111", nameof(AddressClass.Public))]
    [InlineData("::ffff:8.8.8.8", nameof(AddressClass.Public))]
    public void Classify_Address_ReturnsItsClass(string address, string expected) =>
        Assert.Equal(expected, AddressClassifier.Classify(IPAddress.Parse(address)).ToString());

    [Fact]
    public void IsPublic_PrivateIPv4OrItsMappedIPv6_IsFalse()
    {
        var privateRanges = Gen.OneOf(
            Gen.UInt[0x00000000, 0x00FFFFFF],
            Gen.UInt[0x0A000000, 0x0AFFFFFF],
            Gen.UInt[0x64400000, 0x647FFFFF],
            Gen.UInt[0x7F000000, 0x7FFFFFFF],
            Gen.UInt[0xA9FE0000, 0xA9FEFFFF],
            Gen.UInt[0xAC100000, 0xAC1FFFFF],
            Gen.UInt[0xC0A80000, 0xC0A8FFFF],
            Gen.UInt[0xE0000000, 0xFFFFFFFF]);

        privateRanges.Sample(value =>
        {
            // Given
            var v4 = new IPAddress([(byte)(value >> 24), (byte)(value >> 16), (byte)(value >> 8), (byte)value]);

            // When / Then
            Assert.False(AddressClassifier.IsPublic(v4), v4.ToString());
            Assert.False(AddressClassifier.IsPublic(v4.MapToIPv6()), v4.MapToIPv6().ToString());
        });
    }

    [Fact]
    public void IsPublic_UniqueLocalOrLinkLocalIPv6_IsFalse()
    {
        Gen.Select(Gen.Byte, Gen.Byte[0, 1], Gen.Bool).Sample((low, kind, linkLocal) =>
        {
            // Given fc00::/7 or fe80::/10
            var bytes = new byte[16];
            bytes[0] = linkLocal ? (byte)0xfe : (byte)(0xfc | kind);
            bytes[1] = linkLocal ? (byte)(0x80 | (low & 0x3f)) : low;
            bytes[15] = 1;

            // When / Then
            Assert.False(AddressClassifier.IsPublic(new IPAddress(bytes)));
        });
    }
}
