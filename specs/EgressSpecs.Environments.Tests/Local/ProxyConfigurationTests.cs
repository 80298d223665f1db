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
        Assert.Contains(("faulty.example.test", "8443", "127.0.0.8"), destinations);
        Assert.Contains(("down.example.test", "8443", "127.0.0.9"), destinations);
        Assert.Contains(("*.corp.test", "8443", null), destinations);
        Assert.DoesNotContain(destinations, destination => destination.Host == "unlisted.example.test");
        Assert.Equal(8, destinations.Count);
    }

    [Fact]
    public void For_Timeouts_ShortConnectAndActivityTimeoutsKeepFaultsFast()
    {
        // Then
        Assert.Equal("00:00:10", Settings["Egress__ConnectTimeout"]);
        Assert.Equal("00:00:10", Settings["Egress__ActivityTimeout"]);
    }

    [Fact]
    public void WithShutdown_Timings_ReplaceOnlyTheShutdownSettings()
    {
        // When
        var own = ProxyConfiguration.WithShutdown(Settings, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10));

        // Then
        Assert.Equal("00:00:01", own["Egress__Shutdown__ReadinessDelay"]);
        Assert.Equal("00:00:10", own["Egress__Shutdown__DrainTimeout"]);
        Assert.Equal(Settings.Count, own.Count);
        Assert.Equal(Settings["Egress__Destinations__0__Host"], own["Egress__Destinations__0__Host"]);
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
