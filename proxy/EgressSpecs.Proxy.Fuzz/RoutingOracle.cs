using System.Net;
using System.Text.RegularExpressions;

namespace EgressSpecs.Proxy.Fuzz;

/// <summary>
/// An independent statement of the routing rules in docs/proxy.md, written without the proxy's parser so the
/// two can be compared: a Host header maps to the allowlist entry that must serve it, or to no entry at all.
/// </summary>
internal sealed partial class RoutingOracle(RoutingPolicy policy)
{
    private static readonly string[] BuiltInInternalSuffixes = ["localhost", "svc", "cluster.local", "internal", "local", "arpa"];

    public RoutingPolicy Policy { get; } = policy;

    /// <summary>The configured <c>Host</c> of the entry that must serve <paramref name="hostHeader"/>, or null when it must be refused.</summary>
    public string? ExpectedEntry(string hostHeader)
    {
        var match = HostHeader().Match(hostHeader);
        if (!match.Success)
        {
            return null;
        }

        var host = AsciiLower(match.Groups["host"].Value);
        if (host.EndsWith('.'))
        {
            host = host[..^1];
        }

        var suffix = "." + AsciiLower(Policy.Suffix);
        if (!host.EndsWith(suffix, StringComparison.Ordinal))
        {
            return null;
        }

        var name = host[..^suffix.Length];
        if (!IsDnsName(name) || IsAtOrBelow(name, AsciiLower(Policy.Suffix)) || IsIpLiteral(name) || IsInternal(name))
        {
            return null;
        }

        return ExpectedEntryForName(name);
    }

    /// <summary>Exact beats the longest <c>*.parent</c>, which beats <c>*</c>.</summary>
    public string? ExpectedEntryForName(string name)
    {
        var lower = AsciiLower(name);
        var exact = Policy.Destinations.FirstOrDefault(d => !d.StartsWith('*') && AsciiLower(d) == lower);
        if (exact is not null)
        {
            return exact;
        }

        var wildcard = Policy.Destinations
            .Where(d => d.StartsWith("*.", StringComparison.Ordinal) && IsBelow(lower, AsciiLower(d[2..])))
            .MaxBy(d => d.Length);
        return wildcard ?? Policy.Destinations.FirstOrDefault(d => d == "*");
    }

    /// <summary>RFC 1123 syntax: 1-63 letters, digits and inner hyphens per label, 253 characters at most.</summary>
    public static bool IsDnsName(string name) => DnsNameSyntax().IsMatch(name);

    /// <summary>Anything a resolver, .NET or a URL parser would take for an address rather than a name.</summary>
    public static bool IsIpLiteral(string name)
    {
        var trimmed = name.TrimEnd('.');
        var lastLabel = trimmed[(trimmed.LastIndexOf('.') + 1)..];
        return name.Contains(':')
            || IPAddress.TryParse(name, out _)
            || (Uri.TryCreate("http://" + name + "/", UriKind.Absolute, out var uri) && uri.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6)
            || NumericLabel().IsMatch(lastLabel);
    }

    /// <summary>Single labels, the built-in internal zones and the configured internal names.</summary>
    public bool IsInternal(string name)
    {
        var lower = AsciiLower(name.TrimEnd('.'));
        if (!lower.Contains('.') || lower == "localhost" || lower == "home.arpa"
            || BuiltInInternalSuffixes.Any(zone => IsBelow(lower, zone)))
        {
            return true;
        }

        return Policy.InternalNames.Any(pattern => pattern.StartsWith("*.", StringComparison.Ordinal)
            ? IsBelow(lower, AsciiLower(pattern[2..]))
            : lower == AsciiLower(pattern));
    }

    /// <summary>Lower-cases A-Z only: culture or Unicode case mapping would turn look-alikes (K, ı, ſ) into ASCII.</summary>
    public static string AsciiLower(string text) => string.Create(text.Length, text, static (span, source) =>
    {
        for (var i = 0; i < source.Length; i++)
        {
            var c = source[i];
            span[i] = c is >= 'A' and <= 'Z' ? (char)(c + 32) : c;
        }
    });

    private static bool IsBelow(string name, string parent) => name.EndsWith("." + parent, StringComparison.Ordinal);

    private static bool IsAtOrBelow(string name, string parent) => name == parent || IsBelow(name, parent);

    // Host [":" port]: the port is 1-5 digits; a bracketed (IPv6) host never carries the suffix.
    [GeneratedRegex(@"\A(?<host>[^:\[][^:]*)(?::[0-9]{1,5})?\z", RegexOptions.CultureInvariant)]
    private static partial Regex HostHeader();

    [GeneratedRegex(@"\A(?=.{1,253}\z)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\z", RegexOptions.CultureInvariant)]
    private static partial Regex DnsNameSyntax();

    [GeneratedRegex(@"\A(?:0[xX][0-9A-Fa-f]*|[0-9]+)\z", RegexOptions.CultureInvariant)]
    private static partial Regex NumericLabel();
}
