using System.Globalization;
using System.Net;

namespace EgressSpecs.Environments.Local;

/// <summary>
/// The settings our proxy is started with, in its documented configuration contract (environment variables):
/// both endpoints on loopback random ports (the proxy endpoint on a pod's Service address on the real path), the allowed third parties pinned to their plan address and the shared
/// port, <c>*.corp.test</c> reached through the cluster DNS, the run's CA trusted.
/// </summary>
internal static class ProxyConfiguration
{
    /// <summary>The settings; the proxy endpoint listens at <paramref name="traffic"/> (default: 127.0.0.1, a free port).</summary>
    public static IReadOnlyDictionary<string, string> For(int thirdPartyPort, IPEndPoint clusterDns, string caFile, IPEndPoint? traffic = null)
    {
        var port = thirdPartyPort.ToString(CultureInfo.InvariantCulture);
        var settings = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Kestrel__Endpoints__Proxy__Url"] = $"http://{traffic ?? new IPEndPoint(IPAddress.Loopback, 0)}",
            ["Kestrel__Endpoints__Admin__Url"] = "http://127.0.0.1:0",
            ["Egress__TrustedCaFile"] = caFile,
            ["Egress__DnsServers__0"] = clusterDns.ToString(),

            // No load balancer has to notice the endpoint going away here: stop without the readiness delay.
            ["Egress__Shutdown__ReadinessDelay"] = "00:00:00",
            ["Egress__Shutdown__DrainTimeout"] = "00:00:05",

            // Shorter than the defaults so the fault scenarios end sooner, yet long enough for a busy 2-core machine (at 5 s a
            // loaded WireMock answer was seen timing out).
            ["Egress__ConnectTimeout"] = "00:00:10",
            ["Egress__ActivityTimeout"] = "00:00:10",
        };

        var index = 0;
        foreach (var role in AddressPlan.AllowedPinned)
        {
            var place = AddressPlan.For(role);
            var prefix = $"Egress__Destinations__{index++}__";
            settings[prefix + "Host"] = place.Host;
            settings[prefix + "Port"] = port;
            settings[prefix + "Address"] = place.Address.ToString();
        }

        // Listed and pinned to an address where nothing listens: a third party that is down.
        var downPrefix = $"Egress__Destinations__{index++}__";
        settings[downPrefix + "Host"] = AddressPlan.DownHost;
        settings[downPrefix + "Port"] = port;
        settings[downPrefix + "Address"] = AddressPlan.DownAddress.ToString();

        // Listed but not pinned: the proxy resolves it through the cluster DNS, gets an internal address, and must refuse.
        var internalPrefix = $"Egress__Destinations__{index}__";
        settings[internalPrefix + "Host"] = AddressPlan.InternalWildcard;
        settings[internalPrefix + "Port"] = port;
        return settings;
    }

    /// <summary>The same settings with the given shutdown timings, for a proxy a scenario stops itself.</summary>
    public static IReadOnlyDictionary<string, string> WithShutdown(IReadOnlyDictionary<string, string> settings, TimeSpan readinessDelay, TimeSpan drainTimeout) =>
        new Dictionary<string, string>(settings, StringComparer.Ordinal)
        {
            ["Egress__Shutdown__ReadinessDelay"] = readinessDelay.ToString("c", CultureInfo.InvariantCulture),
            ["Egress__Shutdown__DrainTimeout"] = drainTimeout.ToString("c", CultureInfo.InvariantCulture),
        };
}
