using EgressSpecs.Proxy.Routing;

namespace EgressSpecs.Proxy.Tests.Routing;

public sealed class HeaderPolicyTests
{
    [Theory]
    [InlineData("X-Forwarded-For")]
    [InlineData("x-forwarded-host")]
    [InlineData("Forwarded")]
    [InlineData("Via")]
    [InlineData("X-Real-IP")]
    [InlineData("Proxy")]
    [InlineData("proxy")]
    [InlineData("Proxy-Authorization")]
    [InlineData("Proxy-Anything")]
    [InlineData("Transfer_Encoding")]
    [InlineData("X_Forwarded_For")]
    [InlineData("_")]
    public void IsNeverForwarded_ClientRevealingProxyOrUnderscoreName_IsTrue(string name) =>
        Assert.True(HeaderPolicy.IsNeverForwarded(name, allowUnderscores: false));

    [Theory]
    [InlineData("Authorization")]
    [InlineData("X-Custom")]
    [InlineData("Proxyish")]
    [InlineData("X-Proxy")]
    [InlineData("Forwarded-Custom")]
    [InlineData("Cookie")]
    public void IsNeverForwarded_OrdinaryName_IsFalse(string name) =>
        Assert.False(HeaderPolicy.IsNeverForwarded(name, allowUnderscores: false));

    [Fact]
    public void IsNeverForwarded_UnderscoreWhenAllowed_IsFalse() =>
        Assert.False(HeaderPolicy.IsNeverForwarded("X_Custom", allowUnderscores: true));

    [Fact]
    public void IndexOfControlCharacter_EveryControlButTab_IsFound()
    {
        for (var c = 0; c <= 0x7f; c++)
        {
            var expected = c is < 0x20 and not 0x09 or 0x7f;
            Assert.True(expected == HeaderPolicy.IndexOfControlCharacter($"a{(char)c}b") >= 0, $"0x{c:X2}");
        }
    }
}
