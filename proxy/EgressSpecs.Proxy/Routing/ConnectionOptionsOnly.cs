using System.Text;

namespace EgressSpecs.Proxy.Routing;

/// <summary>
/// A <c>Connection</c> field may hold the options <c>close</c>, <c>keep-alive</c> and <c>upgrade</c>, and the names
/// <c>TE</c> and <c>HTTP2-Settings</c> (which the proxy never forwards); any other name is refused with Kestrel's 400.
/// Every header that Connection names must be left out (RFC 9110 section 7.6.1), but the proxy cannot see the list:
/// when the fields hold exactly one option, Kestrel replaces them with that option alone (HttpHeaders.ParseConnection
/// in dotnet/aspnetcore), so <c>Connection: close, X-Secret</c> reaches the application as <c>close</c>, and a second
/// Connection line is merged away the same way. Refusing at the bytes is the only way to never forward such a header.
/// </summary>
internal sealed class ConnectionOptionsOnly : ScreeningEncoding
{
    public static readonly ConnectionOptionsOnly Instance = new();

    protected override void Decode(ReadOnlySpan<byte> bytes, Span<char> chars)
    {
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] >= 0x80)
            {
                throw new DecoderFallbackException("Connection holds a byte outside ASCII.");
            }

            chars[i] = (char)bytes[i];
        }

        ReadOnlySpan<char> text = chars;
        foreach (var range in text.Split(','))
        {
            var token = text[range].Trim(" \t");
            if (!token.IsEmpty && !IsAllowed(token))
            {
                throw new DecoderFallbackException("Connection names a header; the proxy refuses what it cannot strip.");
            }
        }
    }

    private static bool IsAllowed(ReadOnlySpan<char> token) =>
        token.Equals("close", StringComparison.OrdinalIgnoreCase)
        || token.Equals("keep-alive", StringComparison.OrdinalIgnoreCase)
        || token.Equals("upgrade", StringComparison.OrdinalIgnoreCase)
        || token.Equals("te", StringComparison.OrdinalIgnoreCase)
        || token.Equals("http2-settings", StringComparison.OrdinalIgnoreCase);
}
