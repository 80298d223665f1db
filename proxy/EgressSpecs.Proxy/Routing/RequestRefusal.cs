namespace EgressSpecs.Proxy.Routing;

/// <summary>
/// Set on the request by <see cref="EgressTransformer"/> when it finds, in the headers it is about to forward,
/// something that must be refused: the forwarder then sends nothing, and the handler answers with this reason.
/// </summary>
internal sealed class RequestRefusal(EgressReason reason, string detail)
{
    public EgressReason Reason { get; } = reason;

    public string Detail { get; } = detail;
}
