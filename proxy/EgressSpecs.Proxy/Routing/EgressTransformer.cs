using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using EgressSpecs.Proxy.Configuration;
using EgressSpecs.Proxy.Policy;
using EgressSpecs.Proxy.Upstream;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Yarp.ReverseProxy.Forwarder;

namespace EgressSpecs.Proxy.Routing;

/// <summary>
/// YARP's own copy of the request and response (<see cref="HttpTransformer"/>: hop-by-hop headers, pseudo-headers
/// and TE other than <c>trailers</c> on HTTP/2 left out, Content-Length dropped next to Transfer-Encoding), then the
/// proxy's removals on top: the client's Host and what <see cref="HeaderPolicy"/> never forwards. Nothing is added.
/// A value to forward that holds a control character refuses the request instead. (Headers that Connection names
/// never get this far: <see cref="ConnectionOptionsOnly"/>.) The upstream Host header and SNI come from the request
/// URI (<c>https://FOO[:Port]</c>).
/// </summary>
internal sealed class EgressTransformer : HttpTransformer
{
    private readonly bool _allowUnderscores;

    public EgressTransformer(IOptions<EgressOptions> options) => _allowUnderscores = options.Value.AllowUnderscoresInHeaderNames;

    public override async ValueTask TransformRequestAsync(
        HttpContext httpContext, HttpRequestMessage proxyRequest, string destinationPrefix, CancellationToken cancellationToken)
    {
        await base.TransformRequestAsync(httpContext, proxyRequest, destinationPrefix, cancellationToken);

        // YARP's copy keeps the client's Host (FOO.egress.local); without one, HttpClient sends the URI's.
        proxyRequest.Headers.Host = null;

        var refusal = Screen(proxyRequest.Headers);
        if (refusal is null && proxyRequest.Content is { } content)
        {
            refusal = Screen(content.Headers);
        }

        if (refusal is not null)
        {
            httpContext.Features.Set(refusal);

            // A status other than 200 tells the forwarder the transform answered: nothing is sent upstream.
            httpContext.Response.StatusCode = refusal.Reason.StatusCode();
        }
    }

    public override async ValueTask<bool> TransformResponseAsync(
        HttpContext httpContext, HttpResponseMessage? proxyResponse, CancellationToken cancellationToken)
    {
        if (proxyResponse?.StatusCode == HttpStatusCode.SwitchingProtocols && !AnswersTheUpgradeAsked(proxyResponse))
        {
            // YARP would turn the connection into an opaque tunnel; thrown here, the forwarder answers 502 instead.
            throw new UpstreamException(
                EgressReason.UpstreamError, "The destination switched protocols (101) although the proxy asked it for no such upgrade.");
        }

        var copy = await base.TransformResponseAsync(httpContext, proxyResponse, cancellationToken);
        var location = httpContext.Response.Headers.Location;
        if (copy && location.Count == 1 && httpContext.Features.Get<UpstreamTarget>() is { } target
            && LocationRewriter.TryRewrite(location.ToString(), target, httpContext.Request.Host.Value ?? "", out var rewritten))
        {
            httpContext.Response.Headers.Location = rewritten;
        }

        return copy;
    }

    /// <summary>
    /// Removes what must not be forwarded from one outgoing header collection, or returns a refusal when a value to
    /// forward holds a control character. The collection's enumerator is a struct: a request with nothing to remove
    /// allocates nothing here.
    /// </summary>
    private RequestRefusal? Screen(HttpHeaders headers)
    {
        List<string>? doomed = null;
        foreach (var (name, values) in headers.NonValidated)
        {
            if (HeaderPolicy.IsNeverForwarded(name, _allowUnderscores))
            {
                (doomed ??= []).Add(name);
                continue;
            }

            foreach (var value in values)
            {
                var at = HeaderPolicy.IndexOfControlCharacter(value);
                if (at >= 0)
                {
                    return new RequestRefusal(
                        EgressReason.BadRequest,
                        string.Create(CultureInfo.InvariantCulture, $"Header '{name}' holds the control character 0x{(int)value[at]:X2}, which a server could read as the end of the field."));
                }
            }
        }

        if (doomed is not null)
        {
            foreach (var name in doomed)
            {
                headers.Remove(name);
            }
        }

        return null;
    }

    /// <summary>A 101 is taken only when the forwarder sent an Upgrade (an allowed WebSocket) and the answer names that protocol.</summary>
    private static bool AnswersTheUpgradeAsked(HttpResponseMessage response) =>
        response.RequestMessage is { } request
        && request.Headers.NonValidated.TryGetValues(HeaderNames.Upgrade, out var asked)
        && response.Headers.NonValidated.TryGetValues(HeaderNames.Upgrade, out var answered)
        && string.Equals(asked.ToString(), answered.ToString(), StringComparison.OrdinalIgnoreCase);
}
