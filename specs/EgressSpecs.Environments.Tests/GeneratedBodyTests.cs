using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace EgressSpecs.Environments.Tests;

public sealed class GeneratedBodyTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(31)]
    [InlineData(32)]
    [InlineData(33)]
    [InlineData(100_003)]
    public void Open_AnyLength_YieldsExactlyThatManyBytesMatchingSha256(long length)
    {
        // Given
        using var stream = GeneratedBody.Open(length);

        // When
        using var copy = new MemoryStream();
        stream.CopyTo(copy, 4097);

        // Then
        Assert.Equal(length, copy.Length);
        Assert.Equal(GeneratedBody.Sha256(length), Convert.ToHexStringLower(SHA256.HashData(copy.ToArray())));
    }

    [Fact]
    public void Open_Blocks_AreSha256OfPrefixAndDecimalIndex()
    {
        // Given
        using var stream = GeneratedBody.Open(32 * 12);
        var bytes = new byte[32 * 12];

        // When
        stream.ReadExactly(bytes);

        // Then
        var block11 = SHA256.HashData(Encoding.ASCII.GetBytes("egress-specs:" + 11.ToString(CultureInfo.InvariantCulture)));
        Assert.Equal(SHA256.HashData(Encoding.ASCII.GetBytes("egress-specs:0")), bytes[..32]);
        Assert.Equal(block11, bytes[(32 * 11)..]);
    }

    [Fact]
    public void Sha256_DifferentLengths_Differ()
    {
        // Given / When
        var shorter = GeneratedBody.Sha256(1000);
        var longer = GeneratedBody.Sha256(1001);

        // Then
        Assert.NotEqual(shorter, longer);
    }
}
