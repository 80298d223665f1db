namespace EgressSpecs.Proxy.Lifecycle;

/// <summary>What <c>/readyz</c> reports: ready once the listeners are up, not ready from the first shutdown signal on.</summary>
internal sealed class Readiness
{
    private volatile bool _started;
    private volatile bool _stopping;

    public bool IsReady => _started && !_stopping;

    public void MarkStarted() => _started = true;

    public void MarkStopping() => _stopping = true;
}
