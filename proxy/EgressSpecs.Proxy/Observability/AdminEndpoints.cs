using EgressSpecs.Proxy.Lifecycle;
using Prometheus;

namespace EgressSpecs.Proxy.Observability;

/// <summary>The Admin endpoint: <c>/metrics</c>, <c>/healthz</c>, <c>/readyz</c> and nothing else.</summary>
internal sealed class AdminEndpoints(CollectorRegistry registry, Readiness readiness)
{
    public static bool IsAdminConnection(HttpContext context) => context.Features.Get<AdminConnectionFeature>() is not null;

    public async Task HandleAsync(HttpContext context)
    {
        var response = context.Response;
        response.Headers.CacheControl = "no-store";
        switch (context.Request.Path.Value)
        {
            case "/metrics":
                response.ContentType = "text/plain; version=0.0.4; charset=utf-8";
                await registry.CollectAndExportAsTextAsync(response.Body, context.RequestAborted);
                break;
            case "/healthz":
                await WriteTextAsync(response, StatusCodes.Status200OK, "ok");
                break;
            case "/readyz":
                var ready = readiness.IsReady;
                await WriteTextAsync(response, ready ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable, ready ? "ready" : "not ready");
                break;
            default:
                response.StatusCode = StatusCodes.Status404NotFound;
                break;
        }
    }

    private static Task WriteTextAsync(HttpResponse response, int status, string text)
    {
        response.StatusCode = status;
        response.ContentType = "text/plain; charset=utf-8";
        return response.WriteAsync(text + "\n");
    }
}
