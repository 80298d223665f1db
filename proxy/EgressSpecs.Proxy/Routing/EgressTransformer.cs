using EgressSpecs.Proxy.Policy;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;
using Yarp.ReverseProxy.Forwarder;

namespace EgressSpecs.Proxy.Routing;

/// <summary>
/// Copies the request and response as they are, minus what must not cross the proxy: hop-by-hop headers,
/// proxy credentials and anything that would reveal the client (<c>X-Forwarded-*</c>, <c>Forwarded</c>, <c>Via</c>).
/// Nothing is added. The upstream Host header and SNI come from the request URI (<c>https://FOO[:Port]</c>).
/// </summary>
internal sealed class EgressTransformer : HttpTransformer
{
    private static readonly HashSet<string> DroppedRequestHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        HeaderNames.Host,
        HeaderNames.Connection,
        HeaderNames.KeepAlive,
        HeaderNames.TransferEncoding,
        HeaderNames.TE,
        HeaderNames.Upgrade,
        HeaderNames.ProxyAuthorization,
        HeaderNames.ProxyAuthenticate,
        "Proxy-Connection",
        "Proxy-Authentication-Info",
        "Proxy-Features",
        "Proxy-Instruction",
        "Security-Scheme",
        "ALPN",
        "Close",
        HeaderNames.AltSvc,
        "Forwarded",
        HeaderNames.Via,
        "X-Real-IP",
    };

    public override ValueTask TransformRequestAsync(
        HttpContext httpContext, HttpRequestMessage proxyRequest, string destinationPrefix, CancellationToken cancellationToken)
    {
        var headers = httpContext.Request.Headers;
        var connectionListed = ConnectionListedHeaders(headers.Connection);
        foreach (var (name, value) in headers)
        {
            if (ShouldDrop(name, connectionListed))
            {
                continue;
            }

            AddHeader(proxyRequest, name, value);
        }

        // RFC 9112 6.3: with both, Transfer-Encoding wins and Content-Length must not be forwarded.
        if (headers.ContainsKey(HeaderNames.TransferEncoding) && headers.ContainsKey(HeaderNames.ContentLength))
        {
            proxyRequest.Content?.Headers.Remove(HeaderNames.ContentLength);
        }

        // gRPC over HTTP/2 needs "TE: trailers", the one TE value allowed there.
        if (HttpProtocol.IsHttp2(httpContext.Request.Protocol)
            && headers.TE.ToString().Contains("trailers", StringComparison.OrdinalIgnoreCase))
        {
            proxyRequest.Headers.TryAddWithoutValidation(HeaderNames.TE, "trailers");
        }

        return default;
    }

    public override async ValueTask<bool> TransformResponseAsync(
        HttpContext httpContext, HttpResponseMessage? proxyResponse, CancellationToken cancellationToken)
    {
        var copy = await base.TransformResponseAsync(httpContext, proxyResponse, cancellationToken);
        var location = httpContext.Response.Headers.Location;
        if (copy && location.Count == 1 && httpContext.Features.Get<UpstreamTarget>() is { } target
            && LocationRewriter.TryRewrite(location.ToString(), target, httpContext.Request.Host.Value ?? "", out var rewritten))
        {
            httpContext.Response.Headers.Location = rewritten;
        }

        return copy;
    }

    private static bool ShouldDrop(string name, string[]? connectionListed) =>
        name.StartsWith(':')
        || DroppedRequestHeaders.Contains(name)
        || name.StartsWith("X-Forwarded-", StringComparison.OrdinalIgnoreCase)
        || (connectionListed is not null && connectionListed.Contains(name, StringComparer.OrdinalIgnoreCase));

    /// <summary>Headers the client named in Connection are hop-by-hop too (RFC 9110 7.6.1).</summary>
    private static string[]? ConnectionListedHeaders(StringValues connection)
    {
        if (connection.Count == 0)
        {
            return null;
        }

        var listed = new List<string>();
        foreach (var field in connection)
        {
            foreach (var token in (field ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                if (!DroppedRequestHeaders.Contains(token) && !token.Equals("keep-alive", StringComparison.OrdinalIgnoreCase))
                {
                    listed.Add(token);
                }
            }
        }

        return listed.Count == 0 ? null : [.. listed];
    }

    private static void AddHeader(HttpRequestMessage request, string name, StringValues value)
    {
        if (value.Count == 1)
        {
            var single = value.ToString();
            if (!request.Headers.TryAddWithoutValidation(name, single))
            {
                request.Content?.Headers.TryAddWithoutValidation(name, single);
            }

            return;
        }

        // Several Cookie fields must travel as one, joined the way Cookie is defined (RFC 6265 5.4).
        if (string.Equals(name, HeaderNames.Cookie, StringComparison.OrdinalIgnoreCase))
        {
            request.Headers.TryAddWithoutValidation(name, string.Join("; ", value.ToArray()));
            return;
        }

        var values = value.ToArray();
        if (!request.Headers.TryAddWithoutValidation(name, values))
        {
            request.Content?.Headers.TryAddWithoutValidation(name, values);
        }
    }
}
