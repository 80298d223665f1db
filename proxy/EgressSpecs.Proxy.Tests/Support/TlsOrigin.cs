using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;

namespace EgressSpecs.Proxy.Tests.Support;

/// <summary>
/// A real HTTPS third party on 127.0.0.1: picks its certificate by SNI, records every request it serves
/// and counts TCP connections, so tests can prove that refused requests never reached it.
/// </summary>
internal sealed class TlsOrigin : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _connections;

    private TlsOrigin(WebApplication app) => _app = app;

    public ConcurrentQueue<SeenRequest> Requests { get; } = new();

    public int Port { get; private set; }

    public int Connections => Volatile.Read(ref _connections);

    /// <summary>SNI name to certificate; unknown names get <paramref name="fallback"/>.</summary>
    public static async Task<TlsOrigin> StartAsync(IReadOnlyDictionary<string, X509Certificate2> certificates, X509Certificate2 fallback)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.Logging.ClearProviders();

        // Only what is set here: nothing from the environment or the test output's settings files.
        builder.Configuration.Sources.Clear();
        TlsOrigin? origin = null;
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen =>
        {
            listen.Protocols = HttpProtocols.Http1AndHttp2;
            listen.Use(next => connection =>
            {
                Interlocked.Increment(ref origin!._connections);
                return next(connection);
            });
            listen.UseHttps(new HttpsConnectionAdapterOptions
            {
                ServerCertificateSelector = (_, name) =>
                    name is not null && certificates.TryGetValue(name, out var certificate) ? certificate : fallback,
            });
        }));

        var app = builder.Build();
        origin = new TlsOrigin(app);
        app.Run(origin.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        origin.Port = new Uri(address).Port;
        return origin;
    }

    public IEnumerable<SeenRequest> RequestsFor(string host) =>
        Requests.Where(r => string.Equals(r.ServerName, host, StringComparison.OrdinalIgnoreCase));

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[64 * 1024];
        long length = 0;
        int read;
        while ((read = await request.Body.ReadAsync(buffer, context.RequestAborted)) > 0)
        {
            hash.AppendData(buffer, 0, read);
            length += read;
        }

        var headers = request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var serverName = context.Features.Get<ITlsHandshakeFeature>()?.HostName;
        Requests.Enqueue(new SeenRequest(request.Method, request.Path.Value ?? "", request.QueryString.Value ?? "", request.Protocol,
            serverName, headers, length, Convert.ToHexString(hash.GetHashAndReset())));

        switch (request.Path.Value)
        {
            case "/redirect":
                context.Response.StatusCode = StatusCodes.Status302Found;
                context.Response.Headers.Location = $"https://{serverName}:{Port}/landing?from=redirect";
                return;
            case "/redirect-elsewhere":
                context.Response.StatusCode = StatusCodes.Status302Found;
                context.Response.Headers.Location = "https://elsewhere.example.test/landing";
                return;
            case "/slow":
                await Task.Delay(TimeSpan.FromMilliseconds(1500), context.RequestAborted);
                break;
        }

        context.Response.Headers["X-Origin-Seen-Protocol"] = request.Protocol;
        await context.Response.WriteAsync($"hello from {serverName}", context.RequestAborted);
    }
}
