using EgressSpecs.Environments;
using EgressSpecs.Environments.Support;

namespace EgressSpecs.Specs.Drivers;

/// <summary>
/// Reads the proxy's metrics before and after a scenario's call. Scenarios run in parallel, so a step asserts
/// that a count grew by at least the scenario's own share, never an exact total.
/// </summary>
internal sealed class ProxyMetricsDriver(IEgressTarget target)
{
    private IReadOnlyList<PrometheusSample>? _before;

    public async Task TakeBaselineAsync() => _before = PrometheusText.Parse(await ReadTextAsync());

    /// <summary>How much <paramref name="series"/> (summed over the samples carrying <paramref name="labels"/>) grew since the baseline.</summary>
    public async Task<(double Before, double After, string Text)> GrowthAsync(string series, IReadOnlyDictionary<string, string> labels)
    {
        var before = _before ?? throw new InvalidOperationException("No baseline was taken before the scenario's call.");
        var text = await ReadTextAsync();
        return (Sum(before, series, labels), Sum(PrometheusText.Parse(text), series, labels), text);
    }

    public Task<string> ReadTextAsync() => target.ProxyAdmin.MetricsTextAsync(TestContext.Current.CancellationToken);

    private static double Sum(IReadOnlyList<PrometheusSample> samples, string series, IReadOnlyDictionary<string, string> labels) =>
        samples.Where(sample => sample.Name == series && sample.HasLabels(labels)).Sum(sample => sample.Value);
}
