namespace EgressSpecs.Environments.Tests.Local;

/// <summary>The wiring between our real proxy and the local target: allowlist, pinned addresses, CA file, cluster DNS.</summary>
public sealed class LocalTargetEndToEndTests(RealProxyTargetFixture fixture) : IClassFixture<RealProxyTargetFixture>
{
    private readonly CancellationToken _cancellationToken = TestContext.Current.CancellationToken;

    [Fact]
    public async Task MeshedApp_ApiThroughOurProxy_ArrivesOverTlsWithTheRealHostAndSni()
    {
        // Given
        Assert.SkipWhen(fixture.Missing is not null, fixture.Missing ?? "");
        var token = Guid.NewGuid().ToString("N");
        var api = fixture.Target.ThirdParties[ThirdPartyRole.Api];

        // When
        var response = await fixture.Target.MeshedApp.SendAsync(new AppRequest("GET", api.EgressUrl($"/specs/{token}/hello?y=1")), _cancellationToken);

        // Then
        Assert.True(response.StatusCode == 200, $"Expected 200, got {response}: {response.BodyText}\n{await fixture.Target.DiagnosticsAsync(_cancellationToken)}");
        var seen = Assert.Single(await api.RequestsAsync($"/specs/{token}/", _cancellationToken));
        Assert.Equal("GET", seen.Method);
        Assert.Equal($"/specs/{token}/hello?y=1", seen.PathAndQuery);
        Assert.Equal("api.example.test", seen.Host.Split(':')[0]);
        Assert.Contains(await api.ConnectionsAsync(_cancellationToken), connection => connection.Sni == "api.example.test" && connection.TlsProtocol is not null);
        Assert.Equal(200, await fixture.Target.ProxyAdmin.ReadinessStatusAsync(_cancellationToken));
    }

    [Fact]
    public async Task MeshedApp_WrongNameThirdParty_IsRefusedBeforeAnyRequestReachesIt()
    {
        // Given
        Assert.SkipWhen(fixture.Missing is not null, fixture.Missing ?? "");
        var token = Guid.NewGuid().ToString("N");
        var wrongName = fixture.Target.ThirdParties[ThirdPartyRole.WrongName];

        // When
        var response = await fixture.Target.MeshedApp.SendAsync(new AppRequest("GET", wrongName.EgressUrl($"/specs/{token}/x")), _cancellationToken);

        // Then
        Assert.Equal(502, response.StatusCode);
        Assert.Empty(await wrongName.RequestsAsync($"/specs/{token}/", _cancellationToken));
    }

    [Fact]
    public async Task MeshedApp_ListedWildcardResolvingToAnInternalAddress_NeverReachesTheInternalService()
    {
        // Given: *.corp.test is listed without an address, so the proxy asks the cluster DNS and gets 127.0.0.1
        Assert.SkipWhen(fixture.Missing is not null, fixture.Missing ?? "");
        var url = new Uri($"http://intranet.corp.test.{ThirdPartyExtensions.EgressSuffix}/specs/{Guid.NewGuid():N}");

        // When
        var response = await fixture.Target.MeshedApp.SendAsync(new AppRequest("GET", url), _cancellationToken);

        // Then
        Assert.Equal(403, response.StatusCode);
        Assert.Empty(await fixture.Target.ThirdParties[ThirdPartyRole.InternalService].ConnectionsAsync(_cancellationToken));
    }
}
