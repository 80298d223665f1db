using System.Net;
using EgressSpecs.Environments.Local;
using EgressSpecs.Environments.Tests.Support;
using EgressSpecs.Environments.ThirdParties;

namespace EgressSpecs.Environments.Tests.ThirdParties;

/// <summary>The third-party program as the local target runs it: its own process, observed over its API.</summary>
public sealed class ThirdPartiesProcessTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("egress-specs-third-parties-process-").FullName;
    private readonly CancellationToken _cancellationToken = TestContext.Current.CancellationToken;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task StartAsync_AsAProcess_ReportsEveryPartyAndServesObservationsOverItsApi()
    {
        // Given
        using var certificates = new EphemeralCertificates();
        var places = AddressPlan.ThirdParties.Select(place => new ThirdPartyPlace(place.Role, place.Host, new IPEndPoint(place.Address, 0))).ToList();
        var settings = ThirdPartySettings.WriteTo(_directory, places, certificates, new IPEndPoint(IPAddress.Loopback, 0), sharePort: true);

        // When
        await using var process = await ThirdPartiesProcess.StartAsync(settings, TimeSpan.FromSeconds(60), _cancellationToken);
        using var observations = new ThirdPartyObservations(process.Ready.ObservationApi, places.Select(place => (place.Role, place.Host)));
        var api = AddressPlan.For(ThirdPartyRole.Api);
        var port = process.Ready.Parties[0].Port;
        using var client = ThirdPartyClient.Create(new IPEndPoint(api.Address, port), certificates.TrustedCa, api.Host);
        var token = Guid.NewGuid().ToString("N");
        using var response = await client.GetAsync($"https://{api.Host}/specs/{token}/hello", _cancellationToken);

        // Then
        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal(places.Select(place => place.Role), process.Ready.Parties.Select(party => party.Role));
        Assert.All(process.Ready.Parties, party => Assert.Equal(port, party.Port));
        var seen = Assert.Single(await observations.Parties[ThirdPartyRole.Api].RequestsAsync($"/specs/{token}/", _cancellationToken));
        Assert.Equal($"/specs/{token}/hello", seen.PathAndQuery);
        Assert.Equal(api.Host, seen.Sni);
        Assert.NotNull(seen.ConnectionId);
        var connection = Assert.Single(await observations.Parties[ThirdPartyRole.Api].ConnectionsAsync(_cancellationToken), seen => seen.Sni == api.Host);
        Assert.NotNull(connection.TlsProtocol);
    }

    [Fact]
    public async Task StartAsync_SettingsWithAnUnknownKey_ExitsNamingTheKey()
    {
        // Given
        var settings = Path.Combine(_directory, "third-parties.json");
        await File.WriteAllTextAsync(settings, """{"observationApi":"127.0.0.1:0","parties":[],"colour":"blue"}""", _cancellationToken);

        // When
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => ThirdPartiesProcess.StartAsync(settings, TimeSpan.FromSeconds(60), _cancellationToken));

        // Then
        Assert.Contains("exited with code 2", failure.Message);
        Assert.Contains("colour", failure.Message);
    }
}
