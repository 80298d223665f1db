using System.Net;
using System.Security.Cryptography.X509Certificates;

namespace EgressSpecs.Proxy.Tests.Support;

/// <summary>
/// One TLS origin and one proxy wired to it. The origin answers as several names, each pinned to 127.0.0.1:
/// api/reload (trusted CA), wrong (certificate for another name), selfsigned, otherca (untrusted CA).
/// </summary>
internal sealed class OriginWorld : IAsyncLifetime
{
    public const string Api = "api.example.test";
    public const string Wrong = "wrong.example.test";
    public const string SelfSigned = "selfsigned.example.test";
    public const string OtherCa = "otherca.example.test";
    public const string Closed = "closed.example.test";

    private readonly string _directory = System.IO.Directory.CreateTempSubdirectory("egress-proxy-tests-").FullName;
    private TlsOrigin? _origin;
    private ProxyHost? _proxy;

    public TlsOrigin Origin => _origin!;

    public ProxyHost Proxy => _proxy!;

    public string TempDirectory => _directory;

    public string TrustedCaFile { get; private set; } = "";

    public static string Via(string host) => host + ".egress.local";

    public async ValueTask InitializeAsync()
    {
        var trusted = TestCertificates.CreateAuthority("Egress Test Trusted CA");
        var other = TestCertificates.CreateAuthority("Egress Test Other CA");
        var api = TestCertificates.CreateServer(trusted, Api, "reload.example.test");
        _origin = await TlsOrigin.StartAsync(
            new Dictionary<string, X509Certificate2>(StringComparer.OrdinalIgnoreCase)
            {
                [Api] = api,
                ["reload.example.test"] = api,
                [SelfSigned] = TestCertificates.CreateSelfSigned(SelfSigned),
                [OtherCa] = TestCertificates.CreateServer(other, OtherCa),
            },
            fallback: api);

        var settings = ProxyHost.BaseSettings();
        TrustedCaFile = TestCertificates.WritePem(trusted, _directory);
        settings["Egress:TrustedCaFile"] = TrustedCaFile;
        var closedPort = FreePort();
        string[] pinned = [Api, Wrong, SelfSigned, OtherCa];
        for (var i = 0; i < pinned.Length; i++)
        {
            settings[$"Egress:Destinations:{i}:Host"] = pinned[i];
            settings[$"Egress:Destinations:{i}:Port"] = Origin.Port.ToString();
            settings[$"Egress:Destinations:{i}:Address"] = "127.0.0.1";
        }

        settings["Egress:Destinations:4:Host"] = "*.dns.example.test";
        settings["Egress:Destinations:4:Port"] = Origin.Port.ToString();
        settings["Egress:Destinations:5:Host"] = Closed;
        settings["Egress:Destinations:5:Port"] = closedPort.ToString();
        settings["Egress:Destinations:5:Address"] = "127.0.0.1";

        _proxy = await ProxyHost.StartAsync(settings, FakeResolver.Use(new Dictionary<string, IPAddress[]>
        {
            ["rebind.dns.example.test"] = [IPAddress.Parse("93.184.215.14"), IPAddress.Loopback],
            ["metadata.dns.example.test"] = [IPAddress.Parse("169.254.169.254")],
        }));
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

        System.IO.Directory.Delete(_directory, recursive: true);
    }

    /// <summary>A loopback port with nothing listening (bound, read, released).</summary>
    public static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
