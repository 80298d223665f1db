using System.Globalization;
using EgressSpecs.Environments;
using EgressSpecs.Environments.Kubernetes;
using EgressSpecs.Specs.Drivers;
using Reqnroll;

namespace EgressSpecs.Specs.StepDefinitions;

/// <summary>The proxy's metrics and health endpoints, and Linkerd's view of the egress call.</summary>
[Binding]
internal sealed class ObservabilitySteps(IEgressTarget target, ProxyMetricsDriver metrics, AppDriver apps)
{
    private int? _liveness;
    private int? _readiness;

    [BeforeScenario("needs-proxy-admin", Order = 20)]
    public Task TakeMetricsBaseline() => metrics.TakeBaselineAsync();

    [When("the platform probes the proxy's health endpoints")]
    public async Task WhenThePlatformProbesTheHealthEndpoints()
    {
        _liveness = await target.ProxyAdmin.LivenessStatusAsync(TestContext.Current.CancellationToken);
        _readiness = await target.ProxyAdmin.ReadinessStatusAsync(TestContext.Current.CancellationToken);
    }

    [Then("liveness answers {int}")]
    public void ThenLivenessAnswers(int status) => Assert.Equal(status, _liveness);

    [Then("readiness answers {int}")]
    public void ThenReadinessAnswers(int status) => Assert.Equal(status, _readiness);

    [Then("the proxy's metrics count one more request to {string} with status {int}")]
    public Task ThenTheMetricsCountOneMoreRequest(string destination, int status) =>
        AssertGrewAsync("egress_requests_total", new() { ["destination"] = destination, ["code"] = status.ToString(CultureInfo.InvariantCulture) });

    [Then("the proxy's metrics record one more latency sample for {string}")]
    public Task ThenTheMetricsRecordOneMoreLatencySample(string destination) =>
        AssertGrewAsync("egress_request_duration_seconds_count", new() { ["destination"] = destination });

    [Then("the proxy's metrics count one more denial with reason {string}")]
    public Task ThenTheMetricsCountOneMoreDenial(string reason) =>
        AssertGrewAsync("egress_denied_requests_total", new() { ["reason"] = reason });

    [Then("no metric mentions {string}")]
    public async Task ThenNoMetricMentions(string text)
    {
        var lines = (await metrics.ReadTextAsync()).Split('\n')
            .Where(line => !line.StartsWith('#') && line.Contains(text, StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.True(lines.Count == 0, $"Metrics mention '{text}': {string.Join(" | ", lines.Take(3))}");
    }

    [Then("Linkerd on the app records the call to {string} and its mTLS connection to the egress proxy")]
    public async Task ThenLinkerdRecordsTheCallAndItsMutualTls(string egressName)
    {
        var text = await target.LinkerdMetricsTextAsync(TestContext.Current.CancellationToken);
        Assert.True(LinkerdOutboundMetrics.RouteRequestsFor(text, egressName).Sum(sample => sample.Value) > 0,
            $"Linkerd recorded no request to {egressName} on the route to the egress proxy; it shows:\n{LinkerdOutboundMetrics.DescribeOutbound(text)}");
        Assert.True(LinkerdOutboundMetrics.MutualTlsResponsesFromProxy(text).Sum(sample => sample.Value) > 0,
            $"Linkerd recorded no mTLS response from {LinkerdOutboundMetrics.ProxyServiceAuthority}; it shows:\n{LinkerdOutboundMetrics.DescribeOutbound(text)}");
    }

    // The app's outcome comes first: a count that did not grow because the call never reached the
    // proxy (a name that did not resolve) is a different failure from a proxy that does not count.
    private async Task AssertGrewAsync(string series, Dictionary<string, string> labels)
    {
        var (before, after, text) = await metrics.GrowthAsync(series, labels);
        Assert.True(
            after >= before + 1,
            $"{series}{{{string.Join(',', labels.Select(l => $"{l.Key}={l.Value}"))}}} went from {before} to {after}; the app got {(apps.Exchanges.Count > 0 ? apps.LastResponse.ToString() : "no response")}; the proxy exposes:\n{text}");
    }
}
