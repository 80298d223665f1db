using System.Net;
using EgressSpecs.Dns.Rewrite;
using EgressSpecs.Dns.Server;

namespace EgressSpecs.Dns.Tests.Server;

/// <summary>Starts a server on 127.0.0.1 with a random port and the record table the specs use.</summary>
internal static class TestServers
{
    public static readonly IPAddress ProxyAddress = IPAddress.Parse("127.0.0.1");
    public static readonly IPAddress InternetAddress = IPAddress.Parse("127.0.0.2");

    public static Task<ClusterDnsServer> StartAsync(string ruleText) =>
        ClusterDnsServer.StartAsync(new ClusterDnsOptions
        {
            Rules = RewriteRuleSet.Parse(ruleText),
            Records = new Dictionary<string, IPAddress>
            {
                [RuleTexts.ProxyName] = ProxyAddress,
                ["api.example.test."] = InternetAddress,
                ["localhost."] = IPAddress.Loopback,
            },
        }, TestContext.Current.CancellationToken);
}
