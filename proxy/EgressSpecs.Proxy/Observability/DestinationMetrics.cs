using System.Globalization;
using EgressSpecs.Proxy.Routing;
using Prometheus;

namespace EgressSpecs.Proxy.Observability;

/// <summary>The series of one allowlist entry, with children cached so recording allocates nothing.</summary>
internal sealed class DestinationMetrics
{
    private const int MaxStatusCode = 599;

    private readonly string _destination;
    private readonly Counter _requests;
    private readonly Counter _failures;
    private readonly Counter.Child?[] _byStatus = new Counter.Child?[MaxStatusCode + 1];
    private readonly Counter.Child?[] _byFailure = new Counter.Child?[Enum.GetValues<EgressReason>().Length];

    public DestinationMetrics(string destination, Counter requests, Histogram.Child duration, Counter failures)
    {
        _destination = destination;
        _requests = requests;
        _failures = failures;
        Duration = duration;
    }

    public Histogram.Child Duration { get; }

    public void CountResponse(int statusCode)
    {
        var index = statusCode is >= 100 and <= MaxStatusCode ? statusCode : 0;
        var child = _byStatus[index] ??= _requests.WithLabels(
            _destination, index == 0 ? "other" : statusCode.ToString(CultureInfo.InvariantCulture));
        child.Inc();
    }

    public void CountFailure(EgressReason reason)
    {
        var child = _byFailure[(int)reason] ??= _failures.WithLabels(_destination, reason.Code());
        child.Inc();
    }
}
