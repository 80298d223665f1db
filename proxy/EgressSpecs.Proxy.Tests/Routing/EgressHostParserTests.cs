using CsCheck;
using EgressSpecs.Proxy.Routing;

namespace EgressSpecs.Proxy.Tests.Routing;

public sealed class EgressHostParserTests
{
    private const string Suffix = "egress.local";

    [Theory]
    [InlineData("api.example.com.egress.local", "api.example.com")]
    [InlineData("API.Example.COM.EGRESS.LOCAL", "API.Example.COM")]
    [InlineData("api.example.com.egress.local.", "api.example.com")]
    [InlineData("api.example.com.egress.local:8080", "api.example.com")]
    [InlineData("api.example.com.egress.local.:80", "api.example.com")]
    [InlineData("x-1.b2.example.egress.local", "x-1.b2.example")]
    public void TryParse_HostWithSuffix_ReturnsTheDestinationName(string host, string expected)
    {
        // When
        var parsed = EgressHostParser.TryParse(host, Suffix, out var name, out _);

        // Then
        Assert.True(parsed);
        Assert.Equal(expected, name.ToString());
    }

    [Theory]
    [InlineData("", nameof(EgressReason.MissingSuffix))]
    [InlineData("api.example.com", nameof(EgressReason.MissingSuffix))]
    [InlineData("api.example.comegress.local", nameof(EgressReason.MissingSuffix))]
    [InlineData("x.egressXlocal.evil.com", nameof(EgressReason.MissingSuffix))]
    [InlineData("[::1]:8080", nameof(EgressReason.MissingSuffix))]
    [InlineData("[::1", nameof(EgressReason.BadRequest))]
    [InlineData("api.example.com.egress.local:http", nameof(EgressReason.BadRequest))]
    [InlineData("api.example.com.egress.local:", nameof(EgressReason.BadRequest))]
    [InlineData("a:b:c.egress.local", nameof(EgressReason.BadRequest))]
    [InlineData("egress.local", nameof(EgressReason.EmptyName))]
    [InlineData(".egress.local", nameof(EgressReason.EmptyName))]
    [InlineData("egress.local.", nameof(EgressReason.EmptyName))]
    [InlineData("egress.local.egress.local", nameof(EgressReason.NestedSuffix))]
    [InlineData("a.egress.local.egress.local", nameof(EgressReason.NestedSuffix))]
    [InlineData("a..b.egress.local", nameof(EgressReason.InvalidName))]
    [InlineData("-a.example.egress.local", nameof(EgressReason.InvalidName))]
    [InlineData("a_b.example.egress.local", nameof(EgressReason.InvalidName))]
    [InlineData("a b.egress.local", nameof(EgressReason.InvalidName))]
    [InlineData("127.0.0.1.egress.local", nameof(EgressReason.IpLiteral))]
    [InlineData("127.1.egress.local", nameof(EgressReason.IpLiteral))]
    [InlineData("2130706433.egress.local", nameof(EgressReason.IpLiteral))]
    [InlineData("0x7f000001.egress.local", nameof(EgressReason.IpLiteral))]
    [InlineData("0177.0.0.1.egress.local", nameof(EgressReason.IpLiteral))]
    [InlineData("1.2.3.999.egress.local", nameof(EgressReason.IpLiteral))]
    public void TryParse_RefusedHost_ReturnsTheReason(string host, string expected)
    {
        // When
        var parsed = EgressHostParser.TryParse(host, Suffix, out _, out var reason);

        // Then
        Assert.False(parsed);
        Assert.Equal(expected, reason.ToString());
    }

    [Fact]
    public void TryParse_AnyInput_NeverThrows()
    {
        // Given arbitrary text, with and without the suffix and a port
        var hosts = Gen.OneOf(
            Gen.String,
            Gen.String.Select(s => s + ".egress.local"),
            Gen.String.Select(s => s + ".egress.local:" + s.Length));

        // When / Then
        hosts.Sample(host =>
        {
            var parsed = EgressHostParser.TryParse(host, Suffix, out var name, out _);
            Assert.True(!parsed || name.Length > 0);
        });
    }
}
