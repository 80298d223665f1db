namespace EgressSpecs.Proxy.Configuration;

/// <summary>The <c>Egress</c> configuration section.</summary>
internal sealed class EgressOptions
{
    public const string SectionName = "Egress";

    /// <summary>The name suffix clients append to the real host (<c>FOO.egress.local</c>).</summary>
    public string Suffix { get; set; } = "egress.local";

    /// <summary>The allowlist; an empty list refuses every request.</summary>
    public List<DestinationOptions> Destinations { get; set; } = [];

    /// <summary>Optional PEM bundle trusted in addition to the system roots.</summary>
    public string? TrustedCaFile { get; set; }

    /// <summary>Optional <c>ip:port</c> resolvers; empty means the system resolver.</summary>
    public List<string> DnsServers { get; set; } = [];

    /// <summary>Names (<c>exact</c> or <c>*.suffix</c>) refused on top of the built-in internal names.</summary>
    public List<string> InternalNames { get; set; } = [];

    /// <summary>
    /// NAT64 prefixes in use besides the well-known 64:ff9b::/96 (RFC 6052 lengths /32, /40, /48, /56, /64, /96): a DNS
    /// answer inside one is judged by the IPv4 address it embeds, not refused as the special-purpose space it may lie in.
    /// </summary>
    public List<string> Nat64Prefixes { get; set; } = [];

    /// <summary>
    /// Forwards header names containing '_'. Off by default, as in nginx: CGI, WSGI and Rack upstreams read '_' as '-',
    /// so <c>X_Forwarded_For</c> would arrive as the <c>X-Forwarded-For</c> the proxy strips.
    /// </summary>
    public bool AllowUnderscoresInHeaderNames { get; set; }

    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Longest silence on an upstream exchange (YARP's ActivityTimeout) before a 504.</summary>
    public TimeSpan ActivityTimeout { get; set; } = TimeSpan.FromSeconds(100);

    public TimeSpan DnsTimeout { get; set; } = TimeSpan.FromSeconds(5);

    public ShutdownOptions Shutdown { get; set; } = new();

    /// <summary>Shortcut for <c>Logging:Console:FormatterName=json</c>.</summary>
    public bool JsonLogs { get; set; }
}
