using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace EgressSpecs.Proxy.Observability;

/// <summary>The two named Kestrel endpoints, captured while Kestrel loads them; after binding they hold the real ports.</summary>
internal sealed class KestrelEndpoints
{
    public const string ProxyName = "Proxy";
    public const string AdminName = "Admin";

    public ListenOptions? Proxy { get; set; }

    public ListenOptions? Admin { get; set; }

    public static string Url(ListenOptions options) =>
        options.IPEndPoint is { } endPoint ? $"http://{endPoint}" : options.ToString() ?? "";
}
