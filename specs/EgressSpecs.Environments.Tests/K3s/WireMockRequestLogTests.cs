using System.Text;
using EgressSpecs.Environments.K3s;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;

namespace EgressSpecs.Environments.Tests.K3s;

/// <summary>Reads a real WireMock.Net request log (the package's admin API on loopback), as the k3s target reads its containers'.</summary>
public sealed class WireMockRequestLogTests : IDisposable
{
    private readonly WireMockServer _server = WireMockServer.Start(new WireMockServerSettings
    {
        Urls = [LoopbackUrl.Next()],
        StartAdminInterface = true,
        DisableJsonBodyParsing = true,
        DisableRequestBodyDecompressing = true,
        AllowBodyForAllHttpMethods = true,
    });

    private readonly HttpClient _client = new(new SocketsHttpHandler { UseProxy = false });

    public WireMockRequestLogTests()
    {
        _server.Given(Request.Create().WithPath(_ => true)).RespondWith(Response.Create().WithStatusCode(200));
    }

    [Fact]
    public async Task Parse_AdminRequestLog_GivesMethodPathHostHeadersAndBodyHash()
    {
        // Given
        var body = Encoding.UTF8.GetBytes("{\"hello\":\"world\"}");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{_server.Url}/specs/tok/x?y=1") { Content = new ByteArrayContent(body) };
        request.Headers.Add("X-Trace", "abc");
        request.Content.Headers.ContentType = new("application/json");
        using var _ = await _client.SendAsync(request, TestContext.Current.CancellationToken);

        // When
        var json = await _client.GetStringAsync($"{_server.Url}/__admin/requests", TestContext.Current.CancellationToken);
        var requests = WireMockRequestLog.Parse(json, "/specs/tok/");

        // Then
        var observed = Assert.Single(requests);
        Assert.Equal("POST", observed.Method);
        Assert.Equal("/specs/tok/x?y=1", observed.PathAndQuery);
        Assert.Equal(new Uri(_server.Url!).Authority, observed.Host);
        Assert.Equal("abc", observed.Header("x-trace"));
        Assert.Equal(body.Length, observed.BodyLength);
        Assert.Equal(GeneratedBody.HexSha256(body), observed.BodySha256);
    }

    [Fact]
    public async Task Parse_PathPrefix_KeepsOnlyThatScenariosRequestsOldestFirst()
    {
        // Given
        foreach (var path in new[] { "/specs/a/1", "/specs/b/1", "/specs/a/2" })
        {
            using var response = await _client.GetAsync(_server.Url + path, TestContext.Current.CancellationToken);
        }

        // When
        var json = await _client.GetStringAsync($"{_server.Url}/__admin/requests", TestContext.Current.CancellationToken);
        var requests = WireMockRequestLog.Parse(json, "/specs/a/");

        // Then
        Assert.Equal(["/specs/a/1", "/specs/a/2"], requests.Select(request => request.PathAndQuery));
    }

    public void Dispose()
    {
        _client.Dispose();
        _server.Stop();
        _server.Dispose();
    }
}
