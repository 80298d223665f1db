using System.Globalization;
using System.Net;
using CsCheck;
using EgressSpecs.Proxy.Policy;
using EgressSpecs.Proxy.Routing;

namespace EgressSpecs.Proxy.Tests.Policy;

public sealed class IpLiteralTests
{
    /// <summary>Every way resolvers and URL parsers write an IPv4 address.</summary>
    internal static readonly Gen<(uint Address, int Form)> AnyIPv4InAnyForm = Gen.Select(Gen.UInt, Gen.Int[0, 5]);

    internal static string Render(uint address, int form)
    {
        var b = new[] { (byte)(address >> 24), (byte)(address >> 16), (byte)(address >> 8), (byte)address };
        var inv = CultureInfo.InvariantCulture;
        return form switch
        {
            0 => string.Join('.', b),
            1 => address.ToString(inv),
            2 => "0x" + address.ToString("x8", inv),
            3 => string.Join('.', b.Select(x => "0" + Convert.ToString(x, 8))),
            4 => $"{b[0]}.{(address & 0xffffff).ToString(inv)}",
            _ => $"{b[0]}.{b[1]}.{(address & 0xffff).ToString(inv)}",
        };
    }

    [Theory]
    [InlineData("127.0.0.1", "127.0.0.1")]
    [InlineData("127.1", "127.0.0.1")]
    [InlineData("2130706433", "127.0.0.1")]
    [InlineData("0x7f000001", "127.0.0.1")]
    [InlineData("0177.0.0.01", "127.0.0.1")]
    [InlineData("169.254.43518", "169.254.169.254")]
    [InlineData("10.0x10.1.", "10.16.0.1")]
    public void TryParseIPv4_LiteralForm_ParsesToTheAddress(string text, string expected)
    {
        // When
        var parsed = IpLiteral.TryParseIPv4(text, out var address);

        // Then
        Assert.True(parsed);
        Assert.Equal(IPAddress.Parse(expected), address);
    }

    [Theory]
    [InlineData("::1")]
    [InlineData("fe80::1")]
    [InlineData("1.2.3.999")]
    [InlineData("example.123")]
    [InlineData("a.0x")]
    public void IsLiteral_AddressLikeName_IsTrue(string name) => Assert.True(IpLiteral.IsLiteral(name));

    [Theory]
    [InlineData("api.example.com")]
    [InlineData("1.2.3.example")]
    [InlineData("123.com")]
    [InlineData("0xdead.beef.zz")]
    public void IsLiteral_OrdinaryName_IsFalse(string name) => Assert.False(IpLiteral.IsLiteral(name));

    [Fact]
    public void IsLiteral_AnyIPv4InAnyForm_IsDetectedAndRoundTrips()
    {
        AnyIPv4InAnyForm.Sample((address, form) =>
        {
            // Given
            var text = Render(address, form);

            // When / Then
            Assert.True(IpLiteral.IsLiteral(text), text);
            Assert.True(IpLiteral.TryParseIPv4(text, out var parsed), text);
            Assert.Equal(address, BitConverter.ToUInt32(parsed.GetAddressBytes().Reverse().ToArray()));
        });
    }

    [Fact]
    public void Router_PrivateIPv4InAnyForm_IsRefusedAsIpLiteral()
    {
        // Given private, loopback, link-local and CGNAT ranges
        var privateRanges = Gen.OneOf(
            Gen.UInt[0x0A000000, 0x0AFFFFFF],
            Gen.UInt[0x7F000000, 0x7FFFFFFF],
            Gen.UInt[0xA9FE0000, 0xA9FEFFFF],
            Gen.UInt[0xAC100000, 0xAC1FFFFF],
            Gen.UInt[0xC0A80000, 0xC0A8FFFF],
            Gen.UInt[0x64400000, 0x647FFFFF]);

        Gen.Select(privateRanges, Gen.Int[0, 5]).Sample((address, form) =>
        {
            // When
            var parsed = EgressHostParser.TryParse(Render(address, form) + ".egress.local", "egress.local", out _, out var reason);

            // Then
            Assert.False(parsed);
            Assert.Equal(EgressReason.IpLiteral, reason);
        });
    }

    [Fact]
    public void TryParseIPv4_AnyText_NeverThrows() => Gen.String.Sample(text => IpLiteral.TryParseIPv4(text, out _) || true);
}
