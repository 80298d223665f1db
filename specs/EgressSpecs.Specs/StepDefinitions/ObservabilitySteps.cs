using EgressSpecs.Environments;
using EgressSpecs.Specs.Drivers;
using EgressSpecs.Specs.Support;
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
    public async Task ThenTheMetricsCountOneMoreRequest(string destination, int status)
    {
        var (before, after) = await metrics.CompareAsync();
        (string, string)[] labels = [("destination", destination), ("code", status.ToString(System.Globalization.CultureInfo.InvariantCulture))];
        AssertGrew("egress_requests_total", before.Sum("egress_requests_total", labels), after.Sum("egress_requests_total", labels), after);
    }

    [Then("the proxy's metrics record one more latency sample for {string}")]
    public async Task ThenTheMetricsRecordOneMoreLatencySample(string destination)
    {
        var (before, after) = await metrics.CompareAsync();
        const string count = "egress_request_duration_seconds_count";
        AssertGrew(count, before.Sum(count, ("destination", destination)), after.Sum(count, ("destination", destination)), after);
    }

    [Then("the proxy's metrics count one more denial with reason {string}")]
    public async Task ThenTheMetricsCountOneMoreDenial(string reason)
    {
        var (before, after) = await metrics.CompareAsync();
        const string denied = "egress_denied_requests_total";
        AssertGrew(denied, before.Sum(denied, ("reason", reason)), after.Sum(denied, ("reason", reason)), after);
    }

    [Then("no metric mentions {string}")]
    public async Task ThenNoMetricMentions(string text)
    {
        var current = await metrics.ReadAsync();
        var lines = current.Text.Split('\n').Where(line => !line.StartsWith('#') && line.Contains(text, StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.True(lines.Count == 0, $"Metrics mention '{text}': {string.Join(" | ", lines.Take(3))}");
    }

    [Then("Linkerd's outbound metrics on the app show the authority {string} with TLS")]
    public async Task ThenLinkerdsOutboundMetricsShowTheAuthorityWithTls(string authority)
    {
        target.Require(Capability.LinkerdMetrics);
        var samples = PrometheusSamples.Parse(await target.LinkerdMetricsTextAsync(TestContext.Current.CancellationToken));
        var requests = samples.Sum("request_total", ("direction", "outbound"), ("authority", authority), ("tls", "true"));
        Assert.True(requests > 0, $"Linkerd recorded no outbound mTLS request to {authority} on the meshed app.");
    }

    // The app's outcome comes first: a count that did not grow because the call never reached the
    // proxy (a name that did not resolve) is a different failure from a proxy that does not count.
    private void AssertGrew(string series, double before, double after, PrometheusSamples current) =>
        Assert.True(
            after >= before + 1,
            $"{series} went from {before} to {after}; the app got {(apps.Exchanges.Count > 0 ? apps.LastResponse.ToString() : "no response")}; the proxy exposes:\n{current.Text}");
}
