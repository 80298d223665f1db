using System.Net.Sockets;
using System.Text;
using EgressSpecs.Environments.Local;
using EgressSpecs.Environments.Tests.Support;

namespace EgressSpecs.Environments.Tests.ThirdParties;

public sealed class ThirdPartySetTests(ThirdPartySetFixture fixture) : IClassFixture<ThirdPartySetFixture>
{
    private readonly CancellationToken _cancellationToken = TestContext.Current.CancellationToken;

    [Fact]
    public async Task StartAsync_AddressPlan_EveryRoleListensOnItsOwnLoopbackAddressAndTheSharedPort()
    {
        // Given
        var parties = fixture.Parties;

        // When / Then
        Assert.Equal(Enum.GetValues<ThirdPartyRole>().Order(), parties.Keys.Order());
        foreach (var place in AddressPlan.ThirdParties)
        {
            using var client = new TcpClient();
            await client.ConnectAsync(fixture.EndPointOf(place.Role), _cancellationToken);
            Assert.Equal(place.Host, parties[place.Role].Host);
        }

        Assert.Equal(8, AddressPlan.ThirdParties.Select(place => place.Address).Distinct().Count());
    }

    [Theory]
    [InlineData(ThirdPartyRole.Api, null)]
    [InlineData(ThirdPartyRole.TlsInspector, null)]
    [InlineData(ThirdPartyRole.Unlisted, null)]
    [InlineData(ThirdPartyRole.InternalService, null)]
    [InlineData(ThirdPartyRole.Faulty, null)]
    [InlineData(ThirdPartyRole.WrongName, "name:")]
    [InlineData(ThirdPartyRole.SelfSigned, "chain:")]
    [InlineData(ThirdPartyRole.UntrustedIssuer, "chain:")]
    public async Task Certificate_EachRole_ValidatesAgainstTheRunCaOnlyWhereItShould(ThirdPartyRole role, string? expectedProblem)
    {
        // Given
        var host = AddressPlan.For(role).Host;

        // When
        var certificate = await TlsProbe.ServerCertificateAsync(fixture.EndPointOf(role), host, _cancellationToken);

        // Then
        var problem = CertificateCheck.Problem(certificate, fixture.Certificates.TrustedCa, host);
        if (expectedProblem is null)
        {
            Assert.Null(problem);
        }
        else
        {
            Assert.StartsWith(expectedProblem, problem);
        }
    }

    [Theory]
    [InlineData(ThirdPartyRole.TlsInspector)]
    [InlineData(ThirdPartyRole.Api)]
    public async Task ConnectionsAsync_AfterAHandshake_RecordsSniAndTlsProtocol(ThirdPartyRole role)
    {
        // Given
        var party = fixture.Parties[role];
        var before = (await party.ConnectionsAsync(_cancellationToken)).Count;

        // When
        using var client = ThirdPartyClient.Create(fixture.EndPointOf(role), fixture.Certificates.TrustedCa, party.Host);
        using var response = await client.GetAsync($"https://{party.Host}/specs/{Guid.NewGuid():N}/sni", _cancellationToken);

        // Then
        Assert.Equal(200, (int)response.StatusCode);
        var connection = Assert.Single((await party.ConnectionsAsync(_cancellationToken)).Skip(before), seen => seen.Sni == party.Host);
        Assert.True(connection.ClientHelloSeen);
        Assert.Contains(connection.TlsProtocol, new[] { "Tls12", "Tls13" });
    }

    [Fact]
    public async Task ConnectionsAsync_ClientRejectsTheCertificate_RecordsTheClientHelloButNoRequest()
    {
        // Given
        var party = fixture.Parties[ThirdPartyRole.WrongName];
        var before = (await party.ConnectionsAsync(_cancellationToken)).Count;
        using var client = ThirdPartyClient.Create(fixture.EndPointOf(ThirdPartyRole.WrongName), fixture.Certificates.TrustedCa, party.Host);

        // When
        await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync($"https://{party.Host}/specs/rejected", _cancellationToken));

        // Then
        var connection = Assert.Single((await party.ConnectionsAsync(_cancellationToken)).Skip(before));
        Assert.True(connection.ClientHelloSeen);
        Assert.Equal(party.Host, connection.Sni);
        Assert.Empty(await party.RequestsAsync("/specs/rejected", _cancellationToken));
    }

    [Theory]
    [InlineData(ThirdPartyRole.Api)]
    [InlineData(ThirdPartyRole.TlsInspector)]
    public async Task RequestsAsync_AfterAPost_RecordsMethodPathQueryHostHeadersAndBodyHash(ThirdPartyRole role)
    {
        // Given
        var party = fixture.Parties[role];
        var token = Guid.NewGuid().ToString("N");
        var body = Encoding.UTF8.GetBytes("""{"hello":"third party"}""");
        using var client = ThirdPartyClient.Create(fixture.EndPointOf(role), fixture.Certificates.TrustedCa, party.Host);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"https://{party.Host}/specs/{token}/x?y=1&z=%20")
        {
            Content = new ByteArrayContent(body),
        };
        request.Headers.Add("X-Spec-Token", token);

        // When
        using var response = await client.SendAsync(request, _cancellationToken);

        // Then
        Assert.Equal(200, (int)response.StatusCode);
        var seen = Assert.Single(await party.RequestsAsync($"/specs/{token}/", _cancellationToken));
        Assert.Equal("POST", seen.Method);
        Assert.Equal($"/specs/{token}/x?y=1&z=%20", seen.PathAndQuery);
        Assert.Equal(party.Host, seen.Host);
        Assert.Equal(token, seen.Header("x-spec-token"));
        Assert.Equal(body.Length, seen.BodyLength);
        Assert.Equal(GeneratedBody.HexSha256(body), seen.BodySha256);
        Assert.StartsWith("HTTP/", seen.Protocol);
    }

    [Fact]
    public async Task Api_RedirectPath_Answers302ToItsOwnHttpsOrigin()
    {
        // Given
        using var client = ThirdPartyClient.Create(fixture.EndPointOf(ThirdPartyRole.Api), fixture.Certificates.TrustedCa, "api.example.test");

        // When
        using var response = await client.GetAsync($"https://api.example.test/specs/{Guid.NewGuid():N}/redirect/somewhere", _cancellationToken);

        // Then
        Assert.Equal(302, (int)response.StatusCode);
        Assert.Equal(new Uri($"https://api.example.test:{fixture.Port}/landing"), response.Headers.Location);
    }

    [Theory]
    [InlineData(204)]
    [InlineData(418)]
    [InlineData(503)]
    public async Task Api_StatusPath_AnswersThatStatus(int status)
    {
        // Given
        using var client = ThirdPartyClient.Create(fixture.EndPointOf(ThirdPartyRole.Api), fixture.Certificates.TrustedCa, "api.example.test");

        // When
        using var response = await client.GetAsync($"https://api.example.test/specs/{Guid.NewGuid():N}/status/{status}", _cancellationToken);

        // Then
        Assert.Equal(status, (int)response.StatusCode);
    }

    [Fact]
    public async Task Api_LargePath_AnswersTheGeneratedBodyOfThatLength()
    {
        // Given
        const int length = 3 * 1024 * 1024 + 7;
        using var client = ThirdPartyClient.Create(fixture.EndPointOf(ThirdPartyRole.Api), fixture.Certificates.TrustedCa, "api.example.test");

        // When
        var body = await client.GetByteArrayAsync($"https://api.example.test/specs/{Guid.NewGuid():N}/large/{length}", _cancellationToken);

        // Then
        Assert.Equal(length, body.Length);
        Assert.Equal(GeneratedBody.Sha256(length), GeneratedBody.HexSha256(body));
    }

    [Fact]
    public async Task Api_AnyOtherPath_Answers200WithSmallJson()
    {
        // Given
        using var client = ThirdPartyClient.Create(fixture.EndPointOf(ThirdPartyRole.Api), fixture.Certificates.TrustedCa, "api.example.test");

        // When
        using var response = await client.GetAsync($"https://api.example.test/specs/{Guid.NewGuid():N}/anything?q=1", _cancellationToken);

        // Then
        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("api.example.test", await response.Content.ReadAsStringAsync(_cancellationToken));
    }
}
