using System.Net;
using EgressSpecs.Proxy.Tests.Support;

namespace EgressSpecs.Proxy.Tests.Functional;

public sealed class ConfigReloadTests(OriginWorldFixture world) : IClassFixture<OriginWorldFixture>
{
    private const string Reloaded = "reload.example.test";

    [Fact]
    public async Task ConfigFile_DestinationAddedThenBrokenReload_AppliesWithoutRestartAndKeepsLastGood()
    {
        // Given a proxy whose destinations come from EGRESS_CONFIG_FILE
        var file = Path.Combine(world.TempDirectory, $"egress-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, Config(OriginWorld.Api), TestContext.Current.CancellationToken);
        var settings = ProxyHost.BaseSettings();
        settings["EGRESS_CONFIG_FILE"] = file;
        settings["Egress:TrustedCaFile"] = world.TrustedCaFile;
        await using var proxy = await ProxyHost.StartAsync(settings);
        using (var before = await proxy.SendAsync(OriginWorld.Via(Reloaded)))
        {
            await ProblemAssert.HasReasonAsync(before, 403, "not_allowed");
        }

        // When the file gains a destination
        await File.WriteAllTextAsync(file, Config(OriginWorld.Api, Reloaded), TestContext.Current.CancellationToken);

        // Then it is served without a restart
        await Eventually.TrueAsync(async () =>
        {
            using var response = await proxy.SendAsync(OriginWorld.Via(Reloaded));
            return response.StatusCode == HttpStatusCode.OK;
        });

        // When the file turns invalid
        await File.WriteAllTextAsync(file, Config(OriginWorld.Api, "not a host!"), TestContext.Current.CancellationToken);

        // Then the last good allowlist stays and the rejection is logged with the key at fault
        await Eventually.TrueAsync(() => Task.FromResult(
            proxy.Logs.Messages.Any(m => m.Contains("reload rejected", StringComparison.Ordinal) && m.Contains("Egress:Destinations:1:Host", StringComparison.Ordinal))));
        using var after = await proxy.SendAsync(OriginWorld.Via(Reloaded));
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);

        string Config(params string[] hosts) => System.Text.Json.JsonSerializer.Serialize(new
        {
            Egress = new
            {
                Destinations = hosts.Select(h => new { Host = h, Port = world.Origin.Port, Address = "127.0.0.1" }),
            },
        });
    }
}
