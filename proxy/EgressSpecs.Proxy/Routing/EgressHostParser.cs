using EgressSpecs.Proxy.Policy;

namespace EgressSpecs.Proxy.Routing;

/// <summary>Turns a <c>Host</c> header (<c>FOO.egress.local[.][:port]</c>) into the destination name <c>FOO</c>.</summary>
internal static class EgressHostParser
{
    /// <summary>
    /// Extracts <paramref name="name"/> or says why the Host is refused. The client's port is ignored:
    /// the upstream port comes from the allowlist. Never throws.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<char> host, ReadOnlySpan<char> suffix, out ReadOnlySpan<char> name, out EgressReason reason)
    {
        name = default;
        if (!TryStripPort(host, out host, out reason))
        {
            return false;
        }

        if (host.EndsWith('.'))
        {
            host = host[..^1];
        }

        if (!host.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
        {
            reason = EgressReason.MissingSuffix;
            return false;
        }

        if (host.Length == suffix.Length || (host.Length == suffix.Length + 1 && host[0] == '.'))
        {
            reason = EgressReason.EmptyName;
            return false;
        }

        if (host[^(suffix.Length + 1)] != '.')
        {
            reason = EgressReason.MissingSuffix;
            return false;
        }

        var candidate = host[..^(suffix.Length + 1)];
        if (DnsName.IsAtOrBelow(candidate, suffix))
        {
            reason = EgressReason.NestedSuffix;
            return false;
        }

        // Checked before name syntax: "127.1" is a syntactically valid name but resolvers treat it as an address.
        if (IpLiteral.IsLiteral(candidate))
        {
            reason = EgressReason.IpLiteral;
            return false;
        }

        if (!DnsName.IsValid(candidate))
        {
            reason = EgressReason.InvalidName;
            return false;
        }

        name = candidate;
        return true;
    }

    private static bool TryStripPort(ReadOnlySpan<char> host, out ReadOnlySpan<char> withoutPort, out EgressReason reason)
    {
        withoutPort = host;
        reason = default;
        if (host.IsEmpty)
        {
            reason = EgressReason.MissingSuffix;
            return false;
        }

        if (host[0] == '[')
        {
            // A bracketed IPv6 literal can never carry the suffix.
            reason = host.IndexOf(']') < 0 ? EgressReason.BadRequest : EgressReason.MissingSuffix;
            return false;
        }

        var colon = host.IndexOf(':');
        if (colon < 0)
        {
            return true;
        }

        var port = host[(colon + 1)..];
        if (port.IsEmpty || port.Length > 5 || port.ContainsAnyExceptInRange('0', '9'))
        {
            reason = EgressReason.BadRequest;
            return false;
        }

        withoutPort = host[..colon];
        return true;
    }
}
