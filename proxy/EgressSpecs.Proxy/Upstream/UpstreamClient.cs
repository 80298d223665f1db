using System.Net;
using EgressSpecs.Proxy.Configuration;
using Microsoft.Extensions.Options;
using Yarp.ReverseProxy.Forwarder;

namespace EgressSpecs.Proxy.Upstream;

/// <summary>
/// The one pooled HTTP client of the process: connections are kept per upstream (host, port) and reused
/// across requests, HTTP/2 is used when the upstream offers it through ALPN.
/// </summary>
internal sealed class UpstreamClient : IDisposable
{
    public UpstreamClient(UpstreamConnector connector, UpstreamTrust trust, IOptions<EgressOptions> options)
    {
        var egress = options.Value;
        var handler = NewHandler(egress.ConnectTimeout);
        handler.ConnectCallback = connector.ConnectAsync;
        handler.SslOptions.CertificateChainPolicy = UpstreamTrust.SystemChainPolicy();
        handler.SslOptions.RemoteCertificateValidationCallback = trust.Validate;

        Invoker = new HttpMessageInvoker(handler, disposeHandler: true);
        RequestConfig = NewRequestConfig(egress.ActivityTimeout);
    }

    /// <summary>
    /// The client's pooling and protocol settings, without where it connects or whom it trusts: shared with the
    /// benchmarks' bare forwarder (proxy/EgressSpecs.Proxy.Baseline), so both measure the same client.
    /// </summary>
    public static SocketsHttpHandler NewHandler(TimeSpan connectTimeout) => new()
    {
        // Settings of YARP's direct-forwarding sample: the proxy passes bytes through untouched.
        UseProxy = false,
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.None,
        UseCookies = false,
        EnableMultipleHttp2Connections = true,
        ConnectTimeout = connectTimeout,
        // Bounded lifetime so DNS and allowlist changes reach long-lived pooled connections.
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        PooledConnectionIdleTimeout = TimeSpan.FromSeconds(90),
        // The client's own trace headers are forwarded as-is; the proxy adds none of its own.
        ActivityHeadersPropagator = null,
    };

    /// <summary>HTTP/2 when the upstream offers it through ALPN, else HTTP/1.1; a 504 after <paramref name="activityTimeout"/> of silence.</summary>
    public static ForwarderRequestConfig NewRequestConfig(TimeSpan activityTimeout) => new()
    {
        ActivityTimeout = activityTimeout,
        Version = HttpVersion.Version20,
        VersionPolicy = HttpVersionPolicy.RequestVersionOrLower,
    };

    public HttpMessageInvoker Invoker { get; }

    public ForwarderRequestConfig RequestConfig { get; }

    public void Dispose() => Invoker.Dispose();
}
