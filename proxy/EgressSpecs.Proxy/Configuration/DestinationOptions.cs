namespace EgressSpecs.Proxy.Configuration;

/// <summary>One allowlist entry of <c>Egress:Destinations</c>.</summary>
internal sealed class DestinationOptions
{
    /// <summary>An exact name, <c>*.example.com</c> (any name below it) or <c>*</c> (any public name).</summary>
    public string Host { get; set; } = "";

    public int Port { get; set; } = 443;

    /// <summary>A pinned IP: no DNS lookup, and allowed even when private because the operator chose it.</summary>
    public string? Address { get; set; }

    /// <summary>Tunnels WebSocket upgrades (<c>Upgrade: websocket</c>) to this destination; off by default, so upgrades are refused.</summary>
    public bool Upgrade { get; set; }
}
