using System.Diagnostics;
using EgressSpecs.Proxy.Observability;
using EgressSpecs.Proxy.Policy;
using EgressSpecs.Proxy.Upstream;
using Yarp.ReverseProxy.Forwarder;

namespace EgressSpecs.Proxy.Routing;

/// <summary>The proxy endpoint: route, refuse or forward with YARP, then record the outcome.</summary>
internal sealed class EgressRequestHandler
{
    private readonly EgressRouter _router;
    private readonly IHttpForwarder _forwarder;
    private readonly UpstreamClient _client;
    private readonly EgressTransformer _transformer;
    private readonly EgressMetrics _metrics;
    private readonly ILogger _logger;

    public EgressRequestHandler(
        EgressRouter router,
        IHttpForwarder forwarder,
        UpstreamClient client,
        EgressTransformer transformer,
        EgressMetrics metrics,
        ILoggerFactory loggerFactory)
    {
        _router = router;
        _forwarder = forwarder;
        _client = client;
        _transformer = transformer;
        _metrics = metrics;
        _logger = loggerFactory.CreateLogger(RequestLog.Category);
    }

    public async Task HandleAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        var request = context.Request;
        if (HttpMethods.IsConnect(request.Method))
        {
            await RefuseAsync(context, EgressReason.MethodNotAllowed, "This proxy forwards requests; it does not open tunnels.", started);
            return;
        }

        if (MessageFraming.IsAmbiguous(request))
        {
            // The bytes after this request cannot be framed safely either: close the connection after the answer.
            context.Response.Headers.Connection = "close";
            await RefuseAsync(context, EgressReason.BadRequest, "Content-Length and Transfer-Encoding together make the body's length ambiguous.", started);
            return;
        }

        var route = _router.Route(request.Host.Value);
        if (route.Target is not { } target)
        {
            await RefuseAsync(context, route.Reason, Detail(route.Reason, request.Host.Value), started);
            return;
        }

        var upgrade = UpgradeRequest.Classify(request.Headers.Upgrade);
        if (upgrade == UpgradeKind.Other || (upgrade == UpgradeKind.WebSocket && !target.Entry.AllowsUpgrade))
        {
            await RefuseAsync(context, EgressReason.UpgradeNotAllowed, UpgradeDetail(upgrade, target), started);
            return;
        }

        context.Features.Set(target);
        var error = await _forwarder.SendAsync(context, target.DestinationPrefix, _client.Invoker, _client.RequestConfig, _transformer);
        if (error == ForwarderError.None && !context.Response.HasStarted && context.Features.Get<RequestRefusal>() is { } refusal)
        {
            // The transformer found a header value that must not be forwarded; nothing was sent upstream.
            await RefuseAsync(context, refusal.Reason, refusal.Detail, started);
            return;
        }

        var metrics = target.Entry.Metrics;
        if (error != ForwarderError.None && UpstreamFailures.IsUpstreamSide(error))
        {
            await ReportUpstreamErrorAsync(context, target, error, started);
        }
        else
        {
            RequestLog.Forwarded(_logger, request.Method, target.Entry.Label, target.Host, context.Response.StatusCode, ElapsedMs(started));
        }

        metrics.CountResponse(context.Response.StatusCode);
        metrics.Duration.Observe(Stopwatch.GetElapsedTime(started).TotalSeconds);
    }

    private async Task ReportUpstreamErrorAsync(HttpContext context, UpstreamTarget target, ForwarderError error, long started)
    {
        var exception = context.Features.Get<IForwarderErrorFeature>()?.Exception;
        var reason = UpstreamFailures.Classify(error, exception);
        // The client sees only our own wording; the log also gets the underlying cause.
        var upstreamMessage = FindUpstreamMessage(exception);
        var detail = upstreamMessage ?? $"{error}: {Innermost(exception)?.Message ?? "no detail"}";
        if (reason is EgressReason.PrivateAddress or EgressReason.NotAllowed)
        {
            _metrics.CountDenied(reason);
            RequestLog.UpstreamRefused(_logger, context.Request.Method, target.Entry.Label, target.Host, reason.StatusCode(), reason.Code(), ElapsedMs(started), detail);
        }
        else
        {
            target.Entry.Metrics.CountFailure(reason);
            RequestLog.UpstreamFailed(_logger, context.Request.Method, target.Entry.Label, target.Host, reason.StatusCode(), reason.Code(), ElapsedMs(started), detail);
        }

        // Once the response has started the status is on the wire; YARP has already aborted the exchange.
        if (!context.Response.HasStarted)
        {
            await ProblemResponse.WriteAsync(context, reason, upstreamMessage ?? reason.Title() + ".");
        }
    }

    private async Task RefuseAsync(HttpContext context, EgressReason reason, string detail, long started)
    {
        _metrics.CountDenied(reason);
        RequestLog.Refused(_logger, context.Request.Method, reason.StatusCode(), reason.Code(), ElapsedMs(started));
        await ProblemResponse.WriteAsync(context, reason, detail);
    }

    private string Detail(EgressReason reason, string? host) => reason switch
    {
        EgressReason.MissingSuffix => $"Send requests to http://FOO.{_router.Suffix}/ to reach https://FOO/.",
        EgressReason.NotAllowed => $"'{host}' does not name a destination in Egress:Destinations.",
        EgressReason.InternalName => $"'{host}' names a cluster-internal or host-local name.",
        _ => $"'{host}' is refused: {reason.Title()}.",
    };

    private static string UpgradeDetail(UpgradeKind upgrade, UpstreamTarget target) => upgrade == UpgradeKind.WebSocket
        ? $"WebSocket upgrades to '{target.Entry.Label}' are not allowed: the destination needs Upgrade: true in Egress:Destinations."
        : "The proxy tunnels no protocol but WebSocket (Upgrade: websocket), and that only to destinations with Upgrade: true.";

    private static string? FindUpstreamMessage(Exception? exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is UpstreamException upstream)
            {
                return upstream.Message;
            }
        }

        return null;
    }

    private static Exception? Innermost(Exception? exception)
    {
        while (exception?.InnerException is not null)
        {
            exception = exception.InnerException;
        }

        return exception;
    }

    private static double ElapsedMs(long started) => Stopwatch.GetElapsedTime(started).TotalMilliseconds;
}
