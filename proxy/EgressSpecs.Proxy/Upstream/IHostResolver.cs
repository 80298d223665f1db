using System.Net;

namespace EgressSpecs.Proxy.Upstream;

/// <summary>Resolves an upstream name to its addresses (the SSRF guard vets them before any connect).</summary>
internal interface IHostResolver
{
    Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken);
}
