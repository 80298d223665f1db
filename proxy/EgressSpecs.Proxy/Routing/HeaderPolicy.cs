using System.Buffers;

namespace EgressSpecs.Proxy.Routing;

/// <summary>
/// What the proxy never forwards on top of YARP's own hop-by-hop list (RequestUtilities in YARP 2.3.0: Connection,
/// Keep-Alive, Transfer-Encoding, TE, Upgrade, HTTP2-Settings, Proxy-Connection, Proxy-Authorization,
/// Proxy-Authenticate, Proxy-Authentication-Info, Proxy-Features, Proxy-Instruction, Security-Scheme, ALPN, Close,
/// Alt-Svc, Upgrade-Insecure-Requests), and which header values it refuses. (What Connection names is refused
/// earlier, by <see cref="ConnectionOptionsOnly"/>.)
/// </summary>
internal static class HeaderPolicy
{
    /// <summary>Every control character but horizontal tab: field values may not hold them (RFC 9110 section 5.5).</summary>
    private static readonly SearchValues<char> ControlCharacters = SearchValues.Create(
        "\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000a\u000b\u000c\u000d\u000e\u000f"
        + "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001a\u001b\u001c\u001d\u001e\u001f\u007f");

    /// <summary>
    /// True for names that reveal the client or the mesh (<c>X-Forwarded-*</c>, <c>Forwarded</c>, <c>Via</c>,
    /// <c>X-Real-IP</c>), for <c>Proxy</c> (httpoxy: CGI turns it into HTTP_PROXY) and every <c>Proxy-*</c>, and, unless
    /// allowed, for names with '_', which CGI, WSGI and Rack read as '-' (Puma CVE-2024-45614): <c>Transfer_Encoding</c>
    /// would become the very header that frames the body.
    /// </summary>
    public static bool IsNeverForwarded(string name, bool allowUnderscores) =>
        (!allowUnderscores && name.Contains('_'))
        || name.StartsWith("X-Forwarded-", StringComparison.OrdinalIgnoreCase)
        || (name.StartsWith("Proxy", StringComparison.OrdinalIgnoreCase) && (name.Length == 5 || name[5] == '-'))
        || name.Equals("Forwarded", StringComparison.OrdinalIgnoreCase)
        || name.Equals("Via", StringComparison.OrdinalIgnoreCase)
        || name.Equals("X-Real-IP", StringComparison.OrdinalIgnoreCase);

    /// <summary>The first control character in <paramref name="value"/>, or -1.</summary>
    public static int IndexOfControlCharacter(ReadOnlySpan<char> value) => value.IndexOfAny(ControlCharacters);
}
