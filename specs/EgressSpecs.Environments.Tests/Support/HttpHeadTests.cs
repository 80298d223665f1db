using System.Text;
using EgressSpecs.Environments.Support;

namespace EgressSpecs.Environments.Tests.Support;

public sealed class HttpHeadTests
{
    [Fact]
    public void TryRead_CompleteHead_ReadsStatusHeadersInOrderAndWhereTheBodyStarts()
    {
        // Given
        var bytes = Encoding.Latin1.GetBytes("HTTP/1.1 403 Forbidden\r\nContent-Type: application/problem+json\r\nVia: a\r\nvia: b\r\n\r\n{}");

        // When
        var head = HttpHead.TryRead(bytes)!;

        // Then
        Assert.Equal(403, head.StatusCode);
        Assert.Equal("HTTP/1.1 403 Forbidden", head.StatusLine);
        Assert.Equal(["a", "b"], head.Values("VIA"));
        Assert.Equal("{}", Encoding.Latin1.GetString(bytes[head.Length..]));
        Assert.Equal(["a", "b"], head.Grouped().Single(header => header.Key == "Via").Value);
    }

    [Fact]
    public void TryRead_HeadNotEndedYet_IsNull() =>
        Assert.Null(HttpHead.TryRead("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n"u8));

    [Theory]
    [InlineData("SSH-2.0-OpenSSH_9.2\r\n\r\n")]
    [InlineData("HTTP/1.1 20 OK\r\n\r\n")]
    [InlineData("\u0015\u0003\u0003\u0000\u0002\u0002\u0028\r\n\r\n")]
    public void TryRead_NotAStatusLine_IsAFormatError(string received) =>
        Assert.Throws<FormatException>(() => HttpHead.TryRead(Encoding.Latin1.GetBytes(received)));

    [Fact]
    public void IsChunked_TransferEncodingChunked_IsTrue() =>
        Assert.True(HttpHead.TryRead("HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip, chunked\r\n\r\n"u8)!.IsChunked);
}
