using System.Net;
using EgressSpecs.Environments.Local;

namespace EgressSpecs.Environments.Tests.Local;

public sealed class ProxyConfigurationTests
{
    private static readonly IReadOnlyDictionary<string, string> Settings =
        ProxyConfiguration.For(8443, new IPEndPoint(IPAddress.Loopback, 5353), "/tmp/ca.pem");

    [Fact]
    public void For_Endpoints_BothOnLoopbackRandomPorts()
    {
        // Then
        Assert.Equal("http://127.0.0.1:0", Settings["Kestrel__Endpoints__Proxy__Url"]);
        Assert.Equal("http://127.0.0.1:0", Settings["Kestrel__Endpoints__Admin__Url"]);
        Assert.Equal("/tmp/ca.pem", Settings["Egress__TrustedCaFile"]);
        Assert.Equal("127.0.0.1:5353", Settings["Egress__DnsServers__0"]);
        Assert.Equal("00:00:00", Settings["Egress__Shutdown__ReadinessDelay"]);
    }

    [Fact]
    public void For_Destinations_PinAllowedThirdPartiesAndLeaveTheUnlistedOneOut()
    {
        // When
        var destinations = Destinations();

        // Then
        Assert.Contains(("api.example.test", "8443", "127.0.0.2"), destinations);
        Assert.Contains(("inspector.example.test", "8443", "127.0.0.3"), destinations);
        Assert.Contains(("wrong.example.test", "8443", "127.0.0.4"), destinations);
        Assert.Contains(("selfsigned.example.test", "8443", "127.0.0.5"), destinations);
        Assert.Contains(("untrusted.example.test", "8443", "127.0.0.6"), destinations);
        Assert.Contains(("*.corp.test", "8443", null), destinations);
        Assert.DoesNotContain(destinations, destination => destination.Host == "unlisted.example.test");
        Assert.Equal(6, destinations.Count);
    }

    private static List<(string Host, string Port, string? Address)> Destinations()
    {
        var found = new List<(string, string, string?)>();
        for (var index = 0; Settings.TryGetValue($"Egress__Destinations__{index}__Host", out var host); index++)
        {
            found.Add((host, Settings[$"Egress__Destinations__{index}__Port"], Settings.GetValueOrDefault($"Egress__Destinations__{index}__Address")));
        }

        return found;
    }
}
