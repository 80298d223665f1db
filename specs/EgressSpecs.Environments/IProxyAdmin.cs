namespace EgressSpecs.Environments;

/// <summary>The egress proxy's admin endpoint.</summary>
public interface IProxyAdmin
{
    /// <summary>The admin base URL, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    Uri BaseAddress { get; }

    /// <summary>The body of <c>/metrics</c> (Prometheus text format).</summary>
    Task<string> MetricsTextAsync(CancellationToken cancellationToken);

    /// <summary>The status code of <c>/healthz</c> (200 while the process is alive).</summary>
    Task<int> LivenessStatusAsync(CancellationToken cancellationToken);

    /// <summary>The status code of <c>/readyz</c> (200 when ready).</summary>
    Task<int> ReadinessStatusAsync(CancellationToken cancellationToken);
}
