using EgressSpecs.Proxy.Routing;

namespace EgressSpecs.Proxy.Upstream;

/// <summary>Raised while connecting to an upstream; carries the stable reason the client will see.</summary>
internal sealed class UpstreamException(EgressReason reason, string message, Exception? inner = null)
    : Exception(message, inner)
{
    public EgressReason Reason { get; } = reason;
}
