using Microsoft.Net.Http.Headers;

namespace EgressSpecs.Proxy.Routing;

/// <summary>
/// Requests whose body length two parties could read differently (RFC 9112 section 6.3): the classic request-smuggling
/// shape. Kestrel reads such a request as chunked, but an upstream or a later hop might believe Content-Length, so the
/// proxy refuses it instead of forwarding it.
/// </summary>
internal static class MessageFraming
{
    /// <summary>Where Kestrel moves Content-Length when Transfer-Encoding is also present (dotnet/aspnetcore#43558).</summary>
    private const string MovedContentLength = "X-Content-Length";

    public static bool IsAmbiguous(HttpRequest request) =>
        request.Headers.ContainsKey(HeaderNames.TransferEncoding)
        && (request.Headers.ContainsKey(HeaderNames.ContentLength) || request.Headers.ContainsKey(MovedContentLength));
}
