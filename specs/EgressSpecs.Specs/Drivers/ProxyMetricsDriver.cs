using EgressSpecs.Environments;

namespace EgressSpecs.Specs.Drivers;

/// <summary>
/// Reads the proxy's metrics before and after a scenario's call. Scenarios run in parallel, so a step asserts
/// that a count grew by at least the scenario's own share, never an exact total.
/// </summary>
internal sealed class ProxyMetricsDriver(IEgressTarget target)
{
    private PrometheusSamples? _before;

    public async Task TakeBaselineAsync() => _before = await ReadAsync();

    public async Task<(PrometheusSamples Before, PrometheusSamples After)> CompareAsync() =>
        (_before ?? throw new InvalidOperationException("No baseline was taken before the scenario's call."), await ReadAsync());

    public async Task<PrometheusSamples> ReadAsync()
    {
        var text = await target.ProxyAdmin.MetricsTextAsync(TestContext.Current.CancellationToken);
        return PrometheusSamples.Parse(text);
    }
}
