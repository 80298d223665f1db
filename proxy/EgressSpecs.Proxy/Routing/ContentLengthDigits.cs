namespace EgressSpecs.Proxy.Routing;

/// <summary>
/// <c>Content-Length</c> must be digits only (RFC 9110 section 8.6). Kestrel's own parser accepts a sign (<c>+5</c>,
/// <c>-0</c>) and keeps only the number, yet a hop in front of the proxy may frame that body differently. Kestrel parses
/// the text this decoding yields as a number: digits stay digits, every other byte becomes U+FFFD, which no number
/// parser accepts, so Kestrel answers 400 (invalid Content-Length).
/// </summary>
internal sealed class ContentLengthDigits : ScreeningEncoding
{
    public static readonly ContentLengthDigits Instance = new();

    protected override void Decode(ReadOnlySpan<byte> bytes, Span<char> chars)
    {
        for (var i = 0; i < bytes.Length; i++)
        {
            chars[i] = bytes[i] is >= (byte)'0' and <= (byte)'9' ? (char)bytes[i] : '\uFFFD';
        }
    }
}
