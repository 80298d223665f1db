using System.Security.Cryptography;

namespace EgressSpecs.ThirdParties;

/// <summary>
/// Deterministic pseudo-random bytes of any length: block <c>i</c> (0, 1, 2, ...) is
/// <c>SHA-256("egress-specs:" + i)</c> with <c>i</c> in decimal ASCII, blocks concatenated and cut at the length.
/// Chosen so that any tool (a .NET pod, a shell with <c>sha256sum</c>) produces the same bytes without a shared file,
/// and so that a body that lost, duplicated or reordered a chunk has another hash.
/// </summary>
public static class GeneratedBody
{
    private const string BlockPrefix = "egress-specs:";

    /// <summary>The lowercase hex SHA-256 of the generated body of <paramref name="length"/> bytes.</summary>
    public static string Sha256(long length)
    {
        using var stream = Open(length);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    /// <summary>A read-only stream of the generated body of <paramref name="length"/> bytes.</summary>
    public static Stream Open(long length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        return new GeneratedBodyStream(length);
    }

    /// <summary>The lowercase hex SHA-256 of <paramref name="bytes"/>, the form every observation uses.</summary>
    public static string HexSha256(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private static void WriteBlock(long index, Span<byte> destination)
    {
        Span<byte> input = stackalloc byte[BlockPrefix.Length + 20];
        var written = System.Text.Encoding.ASCII.GetBytes(BlockPrefix, input);
        index.TryFormat(input[written..], out var digits, provider: System.Globalization.CultureInfo.InvariantCulture);
        SHA256.HashData(input[..(written + digits)], destination);
    }

    private sealed class GeneratedBodyStream(long length) : Stream
    {
        private readonly byte[] _block = new byte[32];
        private long _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => length;

        public override long Position
        {
            get => _position;
            set => throw new NotSupportedException("A generated body is read once, front to back.");
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var total = 0;
            while (total < buffer.Length && _position < length)
            {
                var blockIndex = _position / _block.Length;
                var inBlock = (int)(_position % _block.Length);
                WriteBlock(blockIndex, _block);
                var take = (int)Math.Min(Math.Min(_block.Length - inBlock, buffer.Length - total), length - _position);
                _block.AsSpan(inBlock, take).CopyTo(buffer[total..]);
                total += take;
                _position += take;
            }

            return total;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(Read(buffer.Span));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            Task.FromResult(Read(buffer.AsSpan(offset, count)));

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException("A generated body cannot seek.");

        public override void SetLength(long value) => throw new NotSupportedException("A generated body has a fixed length.");

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException("A generated body is read-only.");
    }
}
