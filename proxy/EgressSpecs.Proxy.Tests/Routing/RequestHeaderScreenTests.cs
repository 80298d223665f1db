using System.Text;
using EgressSpecs.Proxy.Routing;

namespace EgressSpecs.Proxy.Tests.Routing;

public sealed class RequestHeaderScreenTests
{
    [Theory]
    [InlineData("Content-Length", typeof(ContentLengthDigits))]
    [InlineData("content-length", typeof(ContentLengthDigits))]
    [InlineData("Connection", typeof(ConnectionOptionsOnly))]
    [InlineData("CONNECTION", typeof(ConnectionOptionsOnly))]
    public void Selector_ScreenedHeader_GetsItsDecoding(string name, Type expected) =>
        Assert.IsType(expected, RequestHeaderScreen.Selector(name));

    [Theory]
    [InlineData("Host")]
    [InlineData("Content-Type")]
    [InlineData("X-Connection")]
    [InlineData("Content-Lengths")]
    public void Selector_OtherHeader_KeepsKestrelsDefault(string name) => Assert.Null(RequestHeaderScreen.Selector(name));

    [Theory]
    [InlineData("0")]
    [InlineData("5")]
    [InlineData("0005")]
    [InlineData("9223372036854775807")]
    public void ContentLengthDigits_Digits_DecodeAsThemselves(string value) =>
        Assert.Equal(value, Decode(ContentLengthDigits.Instance, value));

    [Theory]
    [InlineData("+5")]
    [InlineData("-0")]
    [InlineData("5 ")]
    [InlineData("0x5")]
    [InlineData("5,5")]
    public void ContentLengthDigits_AnythingButDigits_DecodesToTextNoNumberParserAccepts(string value) =>
        Assert.False(long.TryParse(Decode(ContentLengthDigits.Instance, value), System.Globalization.NumberStyles.Integer, null, out _));

    [Theory]
    [InlineData("close")]
    [InlineData("keep-alive")]
    [InlineData("Keep-Alive, Upgrade")]
    [InlineData("TE, close")]
    [InlineData("Upgrade, HTTP2-Settings")]
    [InlineData(" upgrade ,, ")]
    [InlineData("")]
    public void ConnectionOptionsOnly_OptionsAndNeverForwardedNames_DecodeUnchanged(string value) =>
        Assert.Equal(value, Decode(ConnectionOptionsOnly.Instance, value));

    [Theory]
    [InlineData("close, X-Hop-Secret")]
    [InlineData("X-Hop-Secret")]
    [InlineData("keep-alive,authorization")]
    [InlineData("closed")]
    [InlineData("close\u00e9")]
    public void ConnectionOptionsOnly_AnyOtherName_IsRefused(string value) =>
        Assert.Throws<DecoderFallbackException>(() => Decode(ConnectionOptionsOnly.Instance, value));

    [Fact]
    public void ConnectionOptionsOnly_ThroughEveryGetStringOverload_Refuses()
    {
        // Kestrel decodes with Encoding.GetString(ReadOnlySpan<byte>), which goes through the base class's pointer path.
        var bytes = Encoding.Latin1.GetBytes("close, X-Hop");
        Assert.Throws<DecoderFallbackException>(() => ConnectionOptionsOnly.Instance.GetString(bytes.AsSpan()));
        Assert.Throws<DecoderFallbackException>(() => ConnectionOptionsOnly.Instance.GetString(bytes));
    }

    private static string Decode(Encoding encoding, string value)
    {
        var bytes = Encoding.Latin1.GetBytes(value);
        var chars = new char[encoding.GetMaxCharCount(bytes.Length)];
        var count = encoding.GetChars(bytes.AsSpan(), chars);
        Assert.Equal(encoding.GetString(bytes.AsSpan()), new string(chars, 0, count));
        return new string(chars, 0, count);
    }
}
