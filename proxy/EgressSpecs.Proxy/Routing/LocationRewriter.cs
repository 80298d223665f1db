using EgressSpecs.Proxy.Policy;

namespace EgressSpecs.Proxy.Routing;

/// <summary>
/// Keeps redirects on the proxy: <c>Location: https://FOO[:Port]/x</c> becomes <c>http://&lt;client Host&gt;/x</c>,
/// otherwise the client would follow it around the proxy (and fail, or leave the mesh).
/// </summary>
internal static class LocationRewriter
{
    private const string Https = "https://";

    public static bool TryRewrite(string location, UpstreamTarget target, string clientHost, out string rewritten)
    {
        rewritten = location;
        if (!location.StartsWith(Https, StringComparison.OrdinalIgnoreCase) || string.IsNullOrEmpty(clientHost))
        {
            return false;
        }

        var afterScheme = location.AsSpan(Https.Length);
        var authorityEnd = afterScheme.IndexOfAny('/', '?', '#');
        var authority = authorityEnd < 0 ? afterScheme : afterScheme[..authorityEnd];
        var rest = authorityEnd < 0 ? [] : afterScheme[authorityEnd..];
        if (authority.Contains('@') || authority.StartsWith('['))
        {
            return false;
        }

        var port = 443;
        var colon = authority.IndexOf(':');
        var host = authority;
        if (colon >= 0)
        {
            if (!int.TryParse(authority[(colon + 1)..], out port))
            {
                return false;
            }

            host = authority[..colon];
        }

        if (host.EndsWith('.'))
        {
            host = host[..^1];
        }

        if (port != target.Port || !host.Equals(target.Host, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        rewritten = string.Concat("http://", clientHost, rest.IsEmpty || rest[0] != '/' ? "/" : "", rest);
        return true;
    }
}
