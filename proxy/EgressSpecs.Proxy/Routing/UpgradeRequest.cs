using Microsoft.Extensions.Primitives;

namespace EgressSpecs.Proxy.Routing;

/// <summary>What a request's <c>Upgrade</c> header asks for (RFC 9110 section 7.8).</summary>
internal enum UpgradeKind
{
    /// <summary>No <c>Upgrade</c> header.</summary>
    None,

    /// <summary>Only <c>h2c</c>: a change of the client-proxy connection itself, deprecated by RFC 9113; ignored, as RFC 9110 allows.</summary>
    H2c,

    /// <summary>Exactly <c>websocket</c>: tunnelled to destinations with <c>Upgrade: true</c>, refused elsewhere.</summary>
    WebSocket,

    /// <summary>Anything else (<c>SPDY/3.1</c>, <c>foo</c>, several protocols): refused, the proxy tunnels nothing else.</summary>
    Other,
}

internal static class UpgradeRequest
{
    public static UpgradeKind Classify(StringValues upgrade)
    {
        if (upgrade.Count == 0)
        {
            return UpgradeKind.None;
        }

        if (upgrade.Count == 1 && upgrade[0].AsSpan().Trim(" \t").Equals("websocket", StringComparison.OrdinalIgnoreCase))
        {
            return UpgradeKind.WebSocket;
        }

        var any = false;
        for (var i = 0; i < upgrade.Count; i++)
        {
            var field = upgrade[i].AsSpan();
            foreach (var range in field.Split(','))
            {
                var token = field[range].Trim(" \t");
                if (token.IsEmpty)
                {
                    continue;
                }

                if (!token.Equals("h2c", StringComparison.OrdinalIgnoreCase))
                {
                    return UpgradeKind.Other;
                }

                any = true;
            }
        }

        return any ? UpgradeKind.H2c : UpgradeKind.None;
    }
}
