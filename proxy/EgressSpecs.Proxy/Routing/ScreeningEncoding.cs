using System.Text;

namespace EgressSpecs.Proxy.Routing;

/// <summary>
/// An ASCII decoding that Kestrel runs on one header's raw bytes (its <c>RequestHeaderEncodingSelector</c> names it),
/// the only place where the field is seen exactly as sent: Kestrel normalises some fields before the application
/// sees them. Decoding a refused value either yields text Kestrel's own parser rejects or throws
/// <see cref="DecoderFallbackException"/>, which Kestrel answers with 400 before the application runs.
/// </summary>
internal abstract class ScreeningEncoding : Encoding
{
    /// <summary>Writes one char per byte to <paramref name="chars"/> (as long as <paramref name="bytes"/>), or throws.</summary>
    protected abstract void Decode(ReadOnlySpan<byte> bytes, Span<char> chars);

    public sealed override int GetMaxCharCount(int byteCount) => byteCount;

    public sealed override int GetMaxByteCount(int charCount) => charCount;

    public sealed override int GetCharCount(byte[] bytes, int index, int count) => count;

    public sealed override int GetChars(byte[] bytes, int byteIndex, int byteCount, char[] chars, int charIndex) =>
        GetChars(bytes.AsSpan(byteIndex, byteCount), chars.AsSpan(charIndex));

    public sealed override int GetChars(ReadOnlySpan<byte> bytes, Span<char> chars)
    {
        if (chars.Length < bytes.Length)
        {
            throw new ArgumentException("The destination is shorter than the source.", nameof(chars));
        }

        Decode(bytes, chars[..bytes.Length]);
        return bytes.Length;
    }

    public sealed override string GetString(byte[] bytes, int index, int count) =>
        string.Create(count, (Encoding: this, Bytes: bytes, Index: index), static (chars, state) =>
            state.Encoding.Decode(state.Bytes.AsSpan(state.Index, chars.Length), chars));

    // Kestrel only decodes request headers with it; encoding is plain ASCII for completeness.
    public sealed override int GetByteCount(char[] chars, int index, int count) => count;

    public sealed override int GetBytes(char[] chars, int charIndex, int charCount, byte[] bytes, int byteIndex) =>
        ASCII.GetBytes(chars, charIndex, charCount, bytes, byteIndex);
}
