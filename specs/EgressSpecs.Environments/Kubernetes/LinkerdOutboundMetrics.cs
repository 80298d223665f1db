using EgressSpecs.Environments.Support;
namespace EgressSpecs.Environments.Kubernetes;

/// <summary>
/// What Linkerd's proxy on the meshed app recorded about its outbound calls, from its <c>:4191/metrics</c> text
/// (linkerd.io 2-edge reference/proxy-metrics: <c>response_total</c> with <c>direction</c>, <c>authority</c>,
/// <c>tls</c>, <c>status_code</c>, <c>classification</c>).
/// </summary>
public static class LinkerdOutboundMetrics
{
    /// <summary>
    /// The outbound <c>response_total</c> samples for <paramref name="authority"/> (also with <c>:80</c>, since
    /// clients differ on sending the default port) that went over Linkerd's mTLS (<c>tls="true"</c>).
    /// </summary>
    public static IReadOnlyList<PrometheusSample> TlsResponsesTo(string metricsText, string authority)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(authority);
        return
        [
            .. PrometheusText.Parse(metricsText).Where(sample =>
                sample.Name == "response_total"
                && sample.Labels.GetValueOrDefault("direction") == "outbound"
                && sample.Labels.GetValueOrDefault("tls") == "true"
                && sample.Labels.GetValueOrDefault("authority") is { } seen
                && (seen.Equals(authority, StringComparison.OrdinalIgnoreCase) || seen.Equals(authority + ":80", StringComparison.OrdinalIgnoreCase))),
        ];
    }

    /// <summary>Every outbound <c>request_total</c>/<c>response_total</c> line, for a failure message that shows what was recorded instead.</summary>
    public static string DescribeOutbound(string metricsText) => string.Join('\n',
        PrometheusText.Parse(metricsText)
            .Where(sample => sample.Name is "request_total" or "response_total" && sample.Labels.GetValueOrDefault("direction") == "outbound")
            .Select(sample => sample.ToString()));
}
