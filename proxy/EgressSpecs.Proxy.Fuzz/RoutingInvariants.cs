using EgressSpecs.Proxy.Policy;
using EgressSpecs.Proxy.Routing;

namespace EgressSpecs.Proxy.Fuzz;

/// <summary>
/// The promises of the routing decision, checked for one Host header: it never throws, it routes exactly the
/// Host headers the oracle routes and to the same entry, the target is a public DNS name (never an IP literal
/// or an internal name), and ASCII case or a trailing dot never change the decision.
/// </summary>
internal sealed class RoutingInvariants(RoutingPolicy policy, EgressRouter router)
{
    private readonly EgressRouter _router = router;
    private readonly RoutingOracle _oracle = new(policy);

    /// <summary>Checks the proxy's router built from <paramref name="policy"/> against the rules for the same policy.</summary>
    public RoutingInvariants(RoutingPolicy policy)
        : this(policy, policy.CreateRouter())
    {
    }

    public RoutingPolicy Policy => _oracle.Policy;

    /// <summary>Throws <see cref="InvariantViolationException"/> when a promise is broken; returns the decision otherwise.</summary>
    public RouteResult Check(string hostHeader, string? location = null)
    {
        var route = _router.Route(hostHeader);
        var expected = _oracle.ExpectedEntry(hostHeader);
        if (route.Target?.Entry.Label != expected)
        {
            Fail(hostHeader, $"routed to '{route.Target?.Entry.Label ?? $"(refused: {route.Reason})"}', the rules say '{expected ?? "(refused)"}'");
        }

        if (route.Target is { } target)
        {
            CheckTarget(hostHeader, target);
            if (location is not null)
            {
                CheckLocationRewrite(hostHeader, target, location);
            }
        }

        CheckSameDecision(hostHeader, route, SwapAsciiCase(hostHeader), "its ASCII case swapped");
        if (WithTrailingDot(hostHeader) is { } dotted)
        {
            CheckSameDecision(hostHeader, route, dotted, "a trailing dot added");
        }

        return route;
    }

    private void CheckTarget(string hostHeader, UpstreamTarget target)
    {
        var name = target.Host;
        if (!RoutingOracle.IsDnsName(name) || name != RoutingOracle.AsciiLower(name))
        {
            Fail(hostHeader, $"target '{name}' is not a lower-case DNS name");
        }

        if (RoutingOracle.IsIpLiteral(name))
        {
            Fail(hostHeader, $"target '{name}' is an IP literal");
        }

        if (_oracle.IsInternal(name))
        {
            Fail(hostHeader, $"target '{name}' is an internal name");
        }

        if (!target.Entry.Pattern.Matches(name))
        {
            Fail(hostHeader, $"target '{name}' does not match its entry '{target.Entry.Label}'");
        }

        var expectedPrefix = target.Port == 443 ? $"https://{name}" : $"https://{name}:{target.Port}";
        if (target.DestinationPrefix != expectedPrefix)
        {
            Fail(hostHeader, $"destination prefix '{target.DestinationPrefix}' is not '{expectedPrefix}'");
        }
    }

    private static void CheckLocationRewrite(string hostHeader, UpstreamTarget target, string location)
    {
        if (!LocationRewriter.TryRewrite(location, target, hostHeader, out var rewritten))
        {
            return;
        }

        // A rewrite may only keep a redirect to the same upstream on the proxy, and must point at the client's Host.
        if (!location.StartsWith("https://" + target.Host, StringComparison.OrdinalIgnoreCase)
            || !rewritten.StartsWith("http://" + hostHeader + "/", StringComparison.Ordinal))
        {
            Fail(hostHeader, $"Location '{location}' was rewritten to '{rewritten}'");
        }
    }

    private void CheckSameDecision(string hostHeader, RouteResult route, string variant, string change)
    {
        var other = _router.Route(variant);
        if (other.Target?.Host != route.Target?.Host || other.Target?.Entry != route.Target?.Entry || other.Reason != route.Reason)
        {
            Fail(hostHeader, $"with {change} ('{variant}') the decision changed from {Describe(route)} to {Describe(other)}");
        }
    }

    private static string Describe(RouteResult route) =>
        route.Target is { } target ? $"'{target.Host}' via '{target.Entry.Label}'" : $"refused ({route.Reason})";

    /// <summary>Swaps A-Z and a-z only, so the variant names the same host for every DNS resolver.</summary>
    private static string SwapAsciiCase(string text) => string.Create(text.Length, text, static (span, source) =>
    {
        for (var i = 0; i < source.Length; i++)
        {
            var c = source[i];
            span[i] = c switch
            {
                >= 'A' and <= 'Z' => (char)(c + 32),
                >= 'a' and <= 'z' => (char)(c - 32),
                _ => c,
            };
        }
    });

    /// <summary>The same Host with the root dot written out (before the port), or null when it already ends in one.</summary>
    private static string? WithTrailingDot(string hostHeader)
    {
        if (hostHeader.StartsWith('['))
        {
            return null;
        }

        var colon = hostHeader.IndexOf(':');
        var host = colon < 0 ? hostHeader : hostHeader[..colon];
        return host.EndsWith('.') ? null : string.Concat(host, ".", colon < 0 ? "" : hostHeader[colon..]);
    }

    private static void Fail(string hostHeader, string what) =>
        throw new InvariantViolationException($"Host '{Escape(hostHeader)}': {what}.");

    /// <summary>Control characters and non-ASCII made visible, so a crash report can be read and pasted into a test.</summary>
    public static string Escape(string text) => string.Concat(text.Select(c => c is >= ' ' and <= '~' ? c.ToString() : $"\\u{(int)c:x4}"));
}
