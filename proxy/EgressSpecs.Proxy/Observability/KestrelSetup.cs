using EgressSpecs.Proxy.Routing;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace EgressSpecs.Proxy.Observability;

/// <summary>Kestrel for a proxy: deliberate limits, the two named endpoints, and the admin connection marker.</summary>
internal static class KestrelSetup
{
    public static void Configure(WebHostBuilderContext context, KestrelServerOptions kestrel, KestrelEndpoints endpoints)
    {
        kestrel.AddServerHeader = false;

        // Content-Length with anything but digits (+5), or Connection naming a header, is Kestrel's 400.
        kestrel.RequestHeaderEncodingSelector = RequestHeaderScreen.Selector;

        var limits = kestrel.Limits;
        // Bodies stream through; the upstream decides what size it accepts.
        limits.MaxRequestBodySize = null;
        limits.MaxRequestHeadersTotalSize = 32 * 1024;
        limits.MaxRequestHeaderCount = 100;
        limits.MaxRequestLineSize = 8 * 1024;
        limits.RequestHeadersTimeout = TimeSpan.FromSeconds(15);
        // Shorter than typical client pools (Linkerd, .NET: 2 min) would cause races on reuse; longer wastes sockets.
        limits.KeepAliveTimeout = TimeSpan.FromSeconds(130);
        limits.MinRequestBodyDataRate = new MinDataRate(bytesPerSecond: 240, gracePeriod: TimeSpan.FromSeconds(5));
        limits.MinResponseDataRate = new MinDataRate(bytesPerSecond: 240, gracePeriod: TimeSpan.FromSeconds(5));
        limits.Http2.MaxStreamsPerConnection = 250;

        // Operators may still override any limit, e.g. Kestrel__Limits__MaxRequestBodySize=104857600.
        context.Configuration.GetSection("Kestrel:Limits").Bind(limits);

        kestrel.Configure(context.Configuration.GetSection("Kestrel"), reloadOnChange: false)
            .Endpoint(KestrelEndpoints.ProxyName, endpoint => endpoints.Proxy = endpoint.ListenOptions)
            .Endpoint(KestrelEndpoints.AdminName, endpoint =>
            {
                endpoints.Admin = endpoint.ListenOptions;
                endpoint.ListenOptions.Use(next => connection =>
                {
                    connection.Features.Set(AdminConnectionFeature.Instance);
                    return next(connection);
                });
            });
    }
}
