using EgressSpecs.Environments;
using EgressSpecs.Specs.Support;

namespace EgressSpecs.Specs.Drivers;

/// <summary>Sends the scenario's requests from one of the target's apps and keeps what came back.</summary>
internal sealed class AppDriver(IEgressTarget target, ScenarioIsolation isolation)
{
    private const string ProxyServiceName = "proxy.egress.svc.cluster.local";
    private bool _proxyDown;

    public List<(AppRequest Request, AppResponse Response)> Exchanges { get; } = [];

    public AppRequest LastRequest => Exchanges.Count > 0 ? Exchanges[^1].Request : throw new InvalidOperationException("No request was sent yet.");

    public AppResponse LastResponse => Exchanges.Count > 0 ? Exchanges[^1].Response : throw new InvalidOperationException("No request was sent yet.");

    /// <summary>From now on the meshed app finds the proxy Service without a live endpoint.</summary>
    public void TakeProxyDown()
    {
        _proxyDown = true;
    }

    public Task<AppResponse> SendFromMeshedAppAsync(HttpRequestText request, string host) =>
        SendAsync(MeshedApp(), Build(request, $"http://{host}"));

    public Task<AppResponse> SendToProxyServiceAsync(HttpRequestText request, string hostHeader) =>
        SendAsync(MeshedApp(), Build(request, $"http://{ProxyServiceName}") with { Headers = [new("Host", hostHeader)] });

    public Task<AppResponse> SendFromOutsideAsync(HttpRequestText request, string host)
    {
        return SendAsync(target.OutsideApp, Build(request, $"http://{host}"));
    }

    public Task<AppResponse> SendFromUnmeshedPodAsync(HttpRequestText request, string host)
    {
        return SendAsync(target.UnmeshedApp, Build(request, $"http://{host}"));
    }

    /// <summary>
    /// A GET of <paramref name="target"/> (<c>api.github.com/zen</c>) on the egress path, as an app calls a destination that
    /// is not the suite's: the path is sent as written, without the scenario's prefix, because it is the destination's own.
    /// </summary>
    public Task<AppResponse> RequestThroughEgressPathAsync(string target)
    {
        var slash = target.IndexOf('/', StringComparison.Ordinal);
        var (host, pathAndQuery) = slash < 0 ? (target, "/") : (target[..slash], target[slash..]);
        return SendAsync(MeshedApp(), AppRequest.Get($"http://{host}.{ThirdPartyExtensions.EgressSuffix}{pathAndQuery}"));
    }

    /// <summary>A call that skips the egress path altogether, as an app that ignores the pattern would make it.</summary>
    public Task<AppResponse> SendDirectlyAsync(string url)
    {
        var uri = new Uri(url);
        return SendAsync(MeshedApp(), new AppRequest("GET", new Uri(uri, isolation.Isolate(uri.PathAndQuery))));
    }

    public Task<AppResponse> UploadAsync(string host, long bytes) =>
        SendAsync(MeshedApp(), new AppRequest("POST", new Uri($"http://{host}{isolation.Isolate("/upload")}")) { Body = RequestBody.Generated(bytes) });

    public Task<AppResponse> DownloadAsync(string host, long bytes) =>
        SendAsync(MeshedApp(), AppRequest.Get($"http://{host}{isolation.Isolate($"/large/{bytes}")}"));

    private IApp MeshedApp()
    {
        return _proxyDown ? target.MeshedAppWhenProxyIsDown : target.MeshedApp;
    }

    private AppRequest Build(HttpRequestText request, string origin) =>
        new(request.Method, new Uri(origin + isolation.Isolate(request.PathAndQuery)))
        {
            // A body carries its own Content-Type; the rest of the headers go as written.
            Headers = request.Body is null ? request.Headers : [.. request.Headers.Where(header => !IsContentType(header.Key))],
            Body = request.Body is { } body
                ? RequestBody.FromText(body, request.Headers.FirstOrDefault(header => IsContentType(header.Key)).Value ?? "text/plain; charset=utf-8")
                : null,
        };

    private static bool IsContentType(string name) => name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase);

    private async Task<AppResponse> SendAsync(IApp app, AppRequest request)
    {
        var response = await app.SendAsync(request, TestContext.Current.CancellationToken);
        Exchanges.Add((request, response));
        return response;
    }
}
