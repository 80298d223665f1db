using System.Net;
using EgressSpecs.Proxy.Tests.Support;

namespace EgressSpecs.Proxy.Tests.Functional;

public sealed class ShutdownTests(OriginWorldFixture world) : IClassFixture<OriginWorldFixture>
{
    [Fact]
    public async Task Stop_WithRequestInFlight_ReadinessFailsAtOnceListenersStayOpenThenDrains()
    {
        // Given a proxy with a readiness delay and a slow request in flight
        var settings = ProxyHost.BaseSettings();
        settings["Egress:Shutdown:ReadinessDelay"] = "00:00:01";
        settings["Egress:TrustedCaFile"] = world.TrustedCaFile;
        settings["Egress:Destinations:0:Host"] = OriginWorld.Api;
        settings["Egress:Destinations:0:Port"] = world.Origin.Port.ToString();
        settings["Egress:Destinations:0:Address"] = "127.0.0.1";
        var proxy = await ProxyHost.StartAsync(settings);
        try
        {
            var slow = proxy.SendAsync(OriginWorld.Via(OriginWorld.Api), "/slow");
            await Eventually.TrueAsync(() => Task.FromResult(world.Origin.Requests.Any(r => r.Path == "/slow")));

            // When SIGTERM arrives (the host's stop)
            var stopping = proxy.App.StopAsync(TestContext.Current.CancellationToken);

            // Then readiness is 503 while the proxy port still serves requests
            using (var ready = await proxy.AdminGetAsync("/readyz"))
            {
                Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
            }

            using (var during = await proxy.SendAsync(OriginWorld.Via(OriginWorld.Api), "/during-delay"))
            {
                Assert.Equal(HttpStatusCode.OK, during.StatusCode);
            }

            // And the in-flight request completes before the host stops
            using var slowResponse = await slow;
            Assert.Equal(HttpStatusCode.OK, slowResponse.StatusCode);
            await stopping;
        }
        finally
        {
            await proxy.DisposeAsync();
        }
    }
}
