using EgressSpecs.Proxy.Routing;
using Prometheus;

namespace EgressSpecs.Proxy.Observability;

/// <summary>
/// The proxy's Prometheus series. Label values come only from the allowlist and fixed reason codes,
/// so cardinality stays bounded whatever clients send.
/// </summary>
internal sealed class EgressMetrics
{
    private readonly Counter _requests;
    private readonly Histogram _duration;
    private readonly Counter _upstreamFailures;
    private readonly Counter.Child[] _denied;

    public EgressMetrics(CollectorRegistry registry)
    {
        var factory = Prometheus.Metrics.WithCustomRegistry(registry);
        // /metrics serves the Prometheus text format, which carries no exemplars: recording one per observation (the
        // library's default, from Activity.Current) would be work nobody sees.
        factory.ExemplarBehavior = new ExemplarBehavior { DefaultExemplarProvider = (_, _) => Exemplar.None };
        _requests = factory.CreateCounter(
            "egress_requests_total",
            "Requests for an allowlisted destination, by response status code.",
            new CounterConfiguration { LabelNames = ["destination", "code"] });
        _duration = factory.CreateHistogram(
            "egress_request_duration_seconds",
            "Time from request start to the end of the response, per allowlisted destination.",
            new HistogramConfiguration
            {
                LabelNames = ["destination"],
                Buckets = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
            });
        _upstreamFailures = factory.CreateCounter(
            "egress_upstream_failures_total",
            "Upstream failures (DNS, connect, TLS, protocol, timeout) per allowlisted destination.",
            new CounterConfiguration { LabelNames = ["destination", "reason"] });
        var denied = factory.CreateCounter(
            "egress_denied_requests_total",
            "Requests refused by the proxy's policy, by reason.",
            new CounterConfiguration { LabelNames = ["reason"] });

        // Every reason is published from the start so dashboards see zeros rather than missing series.
        _denied = new Counter.Child[Enum.GetValues<EgressReason>().Length];
        foreach (var reason in EgressReasons.Denials)
        {
            _denied[(int)reason] = denied.WithLabels(reason.Code());
        }
    }

    public DestinationMetrics ForDestination(string destination) =>
        new(destination, _requests, _duration.WithLabels(destination), _upstreamFailures);

    public void CountDenied(EgressReason reason) => _denied[(int)reason]?.Inc();
}
