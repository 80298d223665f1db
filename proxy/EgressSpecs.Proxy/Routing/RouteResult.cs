using EgressSpecs.Proxy.Policy;

namespace EgressSpecs.Proxy.Routing;

/// <summary>Either the upstream a request goes to, or the reason it is refused.</summary>
internal readonly record struct RouteResult(UpstreamTarget? Target, EgressReason Reason)
{
    public static RouteResult Refuse(EgressReason reason) => new(null, reason);
}
