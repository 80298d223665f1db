namespace EgressSpecs.Environments;

/// <summary>A proxy instance started for one scenario (<see cref="IEgressTarget.StartOwnProxyAsync"/>), which the scenario may stop.</summary>
public interface IOwnProxy : IAsyncDisposable
{
    /// <summary>The meshed app, reaching this instance (not the shared one) through the proxy Service.</summary>
    IApp MeshedApp { get; }

    /// <summary>The status code of this instance's <c>/readyz</c>.</summary>
    Task<int> ReadinessStatusAsync(CancellationToken cancellationToken);

    /// <summary>Sends SIGTERM, as Kubernetes stops a pod, and returns at once.</summary>
    Task TerminateAsync(CancellationToken cancellationToken);

    /// <summary>Waits for the process to exit and returns its exit code.</summary>
    Task<int> WaitForExitAsync(CancellationToken cancellationToken);
}
