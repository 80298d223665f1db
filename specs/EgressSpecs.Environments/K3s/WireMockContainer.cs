using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Containers;
using DotNet.Testcontainers.Networks;

namespace EgressSpecs.Environments.K3s;

/// <summary>
/// A third party of the k3s target: WireMock.Net's standalone image on the Docker network the k3s node is on, serving
/// HTTPS on 443 with its certificate and its admin API (request log) on plain HTTP 9091, which the test process reads
/// through a random host port on loopback.
/// </summary>
internal sealed class WireMockContainer : IThirdParty, IAsyncDisposable
{
    public const int HttpsPort = 443;
    public const int AdminPort = 9091;
    private const string CertificatePath = "/certs/tls.pfx";

    private readonly IContainer _container;
    private readonly HttpClient _admin;

    private WireMockContainer(K3sThirdParty party, IContainer container)
    {
        Party = party;
        _container = container;
        _admin = new HttpClient(new SocketsHttpHandler { UseProxy = false, ConnectTimeout = TimeSpan.FromSeconds(5) })
        {
            Timeout = TimeSpan.FromSeconds(15),
        };
    }

    public K3sThirdParty Party { get; }

    public ThirdPartyRole Role => Party.Role;

    public string Host => Party.Host;

    /// <summary>The container's address on the shared Docker network (what the cluster reaches).</summary>
    public string Address => _container.IpAddress;

    public string ContainerId => _container.Id;

    public string? ConnectionsUnobservable =>
        "the k3s target's third parties are WireMock.Net containers, which log HTTP requests but not TCP connections or TLS handshakes";

    /// <summary>The container's arguments (WireMock.Net's command line, parsed by WireMockServerSettingsParser).</summary>
    public static IReadOnlyList<string> Arguments(string certificatePassword) =>
    [
        "--Urls", $"https://*:{HttpsPort} http://*:{AdminPort}",
        "--X509CertificateFilePath", CertificatePath,
        "--X509CertificatePassword", certificatePassword,
        "--ReadStaticMappings", "true",
        "--AllowBodyForAllHttpMethods", "true",
        "--DisableRequestBodyDecompressing", "true",
        "--DisableJsonBodyParsing", "true",
        "--WireMockLogger", "WireMockConsoleLogger",
    ];

    public static async Task<WireMockContainer> StartAsync(
        K3sThirdParty party, X509Certificate2 certificate, INetwork network, bool cleanUp, CancellationToken cancellationToken)
    {
        var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        var container = new ContainerBuilder(Kubernetes.PinnedImages.WireMock)
            .WithNetwork(network)
            .WithResourceMapping(certificate.Export(X509ContentType.Pkcs12, password), CertificatePath)
            .WithResourceMapping(Encoding.UTF8.GetBytes(WireMockMappings.For(party.Host)), WireMockMappings.ContainerPath)
            .WithCommand([.. Arguments(password)])
            .WithPortBinding(AdminPort, assignRandomHostPort: true)
            .WithWaitStrategy(Wait.ForUnixContainer().UntilHttpRequestIsSucceeded(request => request.ForPort(AdminPort).ForPath("/__admin/mappings")))
            .WithCleanUp(cleanUp)
            .Build();
        await container.StartAsync(cancellationToken);
        return new WireMockContainer(party, container);
    }

    public async Task<IReadOnlyList<ObservedRequest>> RequestsAsync(string? pathPrefix, CancellationToken cancellationToken)
    {
        var url = new Uri($"http://{_container.Hostname}:{_container.GetMappedPublicPort(AdminPort)}/__admin/requests");
        var json = await _admin.GetStringAsync(url, cancellationToken);
        return WireMockRequestLog.Parse(json, pathPrefix);
    }

    public Task<IReadOnlyList<ObservedConnection>> ConnectionsAsync(CancellationToken cancellationToken) =>
        throw new InvalidOperationException(ConnectionsUnobservable);

    public async Task<string> LogsAsync(CancellationToken cancellationToken)
    {
        var (stdout, stderr) = await _container.GetLogsAsync(ct: cancellationToken);
        return stdout + stderr;
    }

    public async ValueTask DisposeAsync()
    {
        _admin.Dispose();
        await _container.DisposeAsync();
    }
}
