using EgressSpecs.Environments.Support;

namespace EgressSpecs.Environments.Kubernetes;

/// <summary>
/// What Linkerd's proxy on the meshed app records about its calls to the egress proxy, read from its
/// <c>:4191/metrics</c> text as linkerd2-proxy writes it (checked against linkerd/linkerd2-proxy v2.366.0, the proxy of
/// edge-26.8.3; docs/clusters.md cites the files):
/// <list type="bullet">
/// <item><c>response_total{direction="outbound"}</c>: <c>authority</c> is the Service address used for discovery
/// (<c>proxy.egress.svc.cluster.local:80</c>, http/logical/policy/router.rs and http/concrete.rs), NOT the Host header,
/// and <c>tls="true"</c> says the call was mTLS (core/src/transport/labels.rs).</item>
/// <item><c>outbound_http_route_request_statuses_total</c>: <c>parent_*</c> name the Service and <c>hostname</c> the
/// request's host (route/metrics/labels.rs); it has no <c>tls</c> label, and <c>hostname</c> is empty unless the client
/// pod has <c>config.linkerd.io/proxy-metrics-hostname-labels: "true"</c> (the app pods do).</item>
/// </list>
/// </summary>
public static class LinkerdOutboundMetrics
{
    /// <summary>The authority Linkerd records for calls to the egress proxy's Service on port 80.</summary>
    public const string ProxyServiceAuthority = "proxy.egress.svc.cluster.local:80";

    /// <summary>The annotation that makes the app pod's Linkerd proxy fill in <c>hostname</c>.</summary>
    public const string HostnameLabelsAnnotation = "config.linkerd.io/proxy-metrics-hostname-labels";

    /// <summary>The meshed app's outbound responses from the egress proxy's Service that went over Linkerd's mTLS.</summary>
    public static IReadOnlyList<PrometheusSample> MutualTlsResponsesFromProxy(string metricsText) =>
    [
        .. PrometheusText.Parse(metricsText).Where(sample =>
            sample.Name == "response_total"
            && sample.Labels.GetValueOrDefault("direction") == "outbound"
            && sample.Labels.GetValueOrDefault("tls") == "true"
            && string.Equals(sample.Labels.GetValueOrDefault("authority"), ProxyServiceAuthority, StringComparison.OrdinalIgnoreCase)),
    ];

    /// <summary>The meshed app's completed requests to the egress proxy's Service whose host was <paramref name="hostname"/>.</summary>
    public static IReadOnlyList<PrometheusSample> RouteRequestsFor(string metricsText, string hostname)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(hostname);
        return
        [
            .. PrometheusText.Parse(metricsText).Where(sample =>
                sample.Name == "outbound_http_route_request_statuses_total"
                && sample.Labels.GetValueOrDefault("parent_kind") == "Service"
                && sample.Labels.GetValueOrDefault("parent_namespace") == EgressInstallNames.Namespace
                && sample.Labels.GetValueOrDefault("parent_name") == EgressInstallNames.ServiceName
                && string.Equals(sample.Labels.GetValueOrDefault("hostname"), hostname, StringComparison.OrdinalIgnoreCase)),
        ];
    }

    /// <summary>Every outbound response and route line, for a failure message that shows what was recorded instead.</summary>
    public static string DescribeOutbound(string metricsText) => string.Join('\n',
        PrometheusText.Parse(metricsText)
            .Where(sample => (sample.Name == "response_total" && sample.Labels.GetValueOrDefault("direction") == "outbound")
                || sample.Name == "outbound_http_route_request_statuses_total")
            .Select(sample => sample.ToString()));
}
