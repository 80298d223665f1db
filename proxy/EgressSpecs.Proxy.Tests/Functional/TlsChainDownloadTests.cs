using System.Net;
using System.Net.Security;
using EgressSpecs.Proxy.Tests.Support;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;

namespace EgressSpecs.Proxy.Tests.Functional;

/// <summary>
/// An upstream that sends its certificate without the intermediate, whose certificate names an address to fetch the
/// intermediate from: the proxy fetches nothing (no synchronous download on a socket thread, from an address the
/// server chose) and fails the handshake.
/// </summary>
public sealed class TlsChainDownloadTests : IAsyncLifetime
{
    private const string Upstream = "chain.example.test";

    private readonly string _directory = Directory.CreateTempSubdirectory("egress-chain-tests-").FullName;
    private WebApplication? _issuerServer;
    private int _issuerFetches;
    private RawTlsOrigin? _origin;
    private ProxyHost? _proxy;

    public async ValueTask InitializeAsync()
    {
        var root = TestCertificates.CreateAuthority("Egress Chain Test Root");
        var intermediate = TestCertificates.CreateIntermediate(root, "Egress Chain Test Intermediate");
        _issuerServer = await StartIssuerServerAsync(intermediate.RawData);
        var issuerUrl = new Uri(_issuerServer.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single() + "/intermediate.cer");
        var leaf = TestCertificates.CreateServerWithIssuerUrl(intermediate, issuerUrl, Upstream);

        // The leaf alone: no intermediate in the handshake.
        _origin = RawTlsOrigin.Start(SslStreamCertificateContext.Create(leaf, additionalCertificates: [], offline: true), static async (stream, _, token) =>
            await stream.WriteAsync("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"u8.ToArray(), token));

        var settings = ProxyHost.BaseSettings();
        settings["Egress:TrustedCaFile"] = TestCertificates.WritePem(root, _directory);
        settings["Egress:Destinations:0:Host"] = Upstream;
        settings["Egress:Destinations:0:Port"] = _origin.Port.ToString();
        settings["Egress:Destinations:0:Address"] = "127.0.0.1";
        _proxy = await ProxyHost.StartAsync(settings);
    }

    public async ValueTask DisposeAsync()
    {
        if (_proxy is not null)
        {
            await _proxy.DisposeAsync();
        }

        if (_origin is not null)
        {
            await _origin.DisposeAsync();
        }

        if (_issuerServer is not null)
        {
            await _issuerServer.StopAsync();
            await _issuerServer.DisposeAsync();
        }

        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task Get_UpstreamOmitsItsIntermediate_Returns502TlsFailureAndDownloadsNothing()
    {
        // When
        using var response = await _proxy!.SendAsync(OriginWorld.Via(Upstream), "/secret");

        // Then
        await ProblemAssert.HasReasonAsync(response, 502, "tls_failure");
        Assert.Equal(0, Volatile.Read(ref _issuerFetches));
        Assert.Empty(_origin!.RequestHeads);
    }

    private async Task<WebApplication> StartIssuerServerAsync(byte[] intermediate)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.Configuration.Sources.Clear();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.Run(async context =>
        {
            Interlocked.Increment(ref _issuerFetches);
            context.Response.ContentType = "application/pkix-cert";
            await context.Response.Body.WriteAsync(intermediate, context.RequestAborted);
        });
        await app.StartAsync();
        return app;
    }
}
