using System.Net;
using EgressSpecs.Environments.K3s;
using WireMock.Server;
using WireMock.Settings;

namespace EgressSpecs.Environments.Tests.K3s;

/// <summary>
/// The static mappings the k3s target's WireMock.Net containers read at start, loaded here by the same WireMock.Net
/// (the package, on loopback) that the container image runs.
/// </summary>
public sealed class WireMockMappingsTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"egress-specs-mappings-{Guid.NewGuid():N}.json");
    private readonly WireMockServer _server = WireMockServer.Start(new WireMockServerSettings { Urls = [LoopbackUrl.Next()], StartAdminInterface = false });
    private readonly HttpClient _client = new(new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false });

    [Fact]
    public async Task For_Redirect_AnswersAFoundToTheThirdPartysOwnHttpsLanding()
    {
        // Given
        Load("api.example.test");

        // When
        using var response = await _client.GetAsync($"{_server.Url}/specs/abc/redirect/moved", TestContext.Current.CancellationToken);

        // Then
        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal("https://api.example.test/landing", response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task For_AnyOtherPathAndMethod_AnswersOkWithTheThirdPartysName()
    {
        // Given
        Load("api.example.test");

        // When
        using var response = await _client.PostAsync($"{_server.Url}/specs/abc/anything?x=1", new StringContent("body"), TestContext.Current.CancellationToken);

        // Then
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("{\"thirdParty\":\"api.example.test\"}", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public void Arguments_AreUnderstoodByWireMockNetsCommandLineParser()
    {
        // Given
        var arguments = WireMockContainer.Arguments("secret");

        // When
        var parsed = WireMockServerSettingsParser.TryParseArguments([.. arguments], null, out var settings);

        // Then
        Assert.True(parsed);
        Assert.Equal(["https://*:443", "http://*:9091"], settings!.Urls!);
        Assert.Equal("/certs/tls.pfx", settings.CertificateSettings!.X509CertificateFilePath);
        Assert.Equal("secret", settings.CertificateSettings.X509CertificatePassword);
        Assert.True(settings.ReadStaticMappings);
        Assert.True(settings.DisableJsonBodyParsing);
        Assert.True(settings.StartAdminInterface);
    }

    public void Dispose()
    {
        _client.Dispose();
        _server.Stop();
        _server.Dispose();
        File.Delete(_file);
    }

    private void Load(string host)
    {
        File.WriteAllText(_file, WireMockMappings.For(host));
        _server.ReadStaticMappingAndAddOrUpdate(_file);
        Assert.Equal(2, _server.Mappings.Count(mapping => !mapping.IsAdminInterface));
    }
}
