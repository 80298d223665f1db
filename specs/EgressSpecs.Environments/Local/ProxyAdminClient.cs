namespace EgressSpecs.Environments.Local;

/// <summary>Reads a proxy's admin endpoint over plain HTTP.</summary>
internal sealed class ProxyAdminClient : IProxyAdmin, IDisposable
{
    private readonly HttpClient _client;

    public ProxyAdminClient(Uri baseAddress)
    {
        // A trailing slash makes "metrics" resolve under the base path, whatever path the admin URL has.
        BaseAddress = new Uri(baseAddress.GetLeftPart(UriPartial.Path).TrimEnd('/') + "/");
        _client = new HttpClient(new SocketsHttpHandler { UseProxy = false, ConnectTimeout = TimeSpan.FromSeconds(5) })
        {
            BaseAddress = BaseAddress,
            Timeout = TimeSpan.FromSeconds(15),
        };
    }

    public Uri BaseAddress { get; }

    public Task<string> MetricsTextAsync(CancellationToken cancellationToken) => _client.GetStringAsync("metrics", cancellationToken);

    public Task<int> LivenessStatusAsync(CancellationToken cancellationToken) => StatusAsync("healthz", cancellationToken);

    public Task<int> ReadinessStatusAsync(CancellationToken cancellationToken) => StatusAsync("readyz", cancellationToken);

    public void Dispose() => _client.Dispose();

    private async Task<int> StatusAsync(string path, CancellationToken cancellationToken)
    {
        using var response = await _client.GetAsync(path, cancellationToken);
        return (int)response.StatusCode;
    }
}
