using EgressSpecs.Proxy.Configuration;
using EgressSpecs.Proxy.Policy;
using Microsoft.Extensions.Options;

namespace EgressSpecs.Proxy.Routing;

/// <summary>The routing decision: Host header to allowlisted upstream, before any connection is opened.</summary>
internal sealed class EgressRouter
{
    private readonly DestinationCatalog _catalog;
    private readonly InternalNames _internalNames;
    public string Suffix { get; }

    public EgressRouter(DestinationCatalog catalog, InternalNames internalNames, IOptions<EgressOptions> options)
    {
        _catalog = catalog;
        _internalNames = internalNames;
        Suffix = options.Value.Suffix.TrimEnd('.');
    }

    public RouteResult Route(ReadOnlySpan<char> hostHeader)
    {
        if (!EgressHostParser.TryParse(hostHeader, Suffix, out var name, out var reason))
        {
            return RouteResult.Refuse(reason);
        }

        if (_internalNames.Contains(name))
        {
            return RouteResult.Refuse(EgressReason.InternalName);
        }

        var entry = _catalog.Current.Match(name);
        return entry is null ? RouteResult.Refuse(EgressReason.NotAllowed) : new RouteResult(entry.GetTarget(name), default);
    }
}
