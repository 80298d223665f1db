namespace EgressSpecs.Proxy.Configuration;

/// <summary>The <c>Egress:Shutdown</c> section: how SIGTERM is turned into a clean exit.</summary>
internal sealed class ShutdownOptions
{
    /// <summary>How long <c>/readyz</c> answers 503 while the listeners stay open, so Kubernetes removes the endpoint first.</summary>
    public TimeSpan ReadinessDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long in-flight requests may take to finish once the listeners are closed.</summary>
    public TimeSpan DrainTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
