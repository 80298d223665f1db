using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;

namespace EgressSpecs.ThirdParties;

/// <summary>
/// A small Kestrel HTTPS listener that answers every request with 200 and a short JSON body, and records every
/// connection (accepted, ClientHello with its SNI, negotiated TLS protocol) and every request.
/// An <c>answer</c> given at start replaces the 200 (the <see cref="ThirdPartyRole.Faulty"/> role's faults).
/// </summary>
internal sealed class ObservedHttpsListener : IObservedParty
{
    private readonly WebApplication _app;
    private readonly RequestLog _requests;
    private readonly ConnectionLog _connections;

    private ObservedHttpsListener(ThirdPartyRole role, string host, WebApplication app, RequestLog requests, ConnectionLog connections)
    {
        Role = role;
        Host = host;
        _app = app;
        _requests = requests;
        _connections = connections;
    }

    public ThirdPartyRole Role { get; }

    public string Host { get; }

    /// <summary>The port it listens on (the one asked for, or the one the system chose for port 0).</summary>
    public int Port => new Uri(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single()).Port;

    public static async Task<ObservedHttpsListener> StartAsync(
        ThirdPartyRole role,
        string host,
        IPEndPoint endpoint,
        X509Certificate2 certificate,
        CancellationToken cancellationToken,
        Func<HttpContext, string, Task>? answer = null)
    {
        answer ??= AnswerAsync;
        var requests = new RequestLog();
        var connections = new ConnectionLog();
        var builder = WebApplication.CreateSlimBuilder();

        // Only what is set here: no appsettings, no ASPNETCORE_URLS, no Kestrel section from the environment.
        builder.Configuration.Sources.Clear();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            GenerousLimits.Apply(kestrel.Limits);
            kestrel.Listen(endpoint, listen =>
            {
                listen.Protocols = HttpProtocols.Http1AndHttp2;
                listen.Use(next => async connection =>
                {
                    connections.Accepted(connection.ConnectionId);
                    try
                    {
                        await next(connection);
                    }
                    finally
                    {
                        connections.Closed(connection.ConnectionId);
                    }
                });
                listen.UseHttps(new HttpsConnectionAdapterOptions
                {
                    // Called during the handshake with the ClientHello's SNI, even when the client then rejects the certificate.
                    ServerCertificateSelector = (connection, serverName) =>
                    {
                        if (connection is not null)
                        {
                            connections.ClientHello(connection.ConnectionId, serverName);
                        }

                        return certificate;
                    },
                });
                listen.Use(next => connection =>
                {
                    if (connection.Features.Get<ITlsHandshakeFeature>() is { } tls)
                    {
                        connections.HandshakeCompleted(connection.ConnectionId, tls.Protocol);
                    }

                    return next(connection);
                });
            });
        });

        var app = builder.Build();
        app.Run(context => RequestObservation.ObserveAsync(context, requests, connections, () => answer(context, host)));
        await app.StartAsync(cancellationToken);
        return new ObservedHttpsListener(role, host, app, requests, connections);
    }

    public IReadOnlyList<ObservedRequest> Requests(string? pathPrefix) => _requests.Snapshot(pathPrefix);

    public IReadOnlyList<ObservedConnection> Connections() => _connections.Snapshot();

    public async ValueTask DisposeAsync()
    {
        // Connections a client keeps alive must not hold the run's teardown for Kestrel's default 30 s.
        using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        await _app.StopAsync(stopping.Token);
        await _app.DisposeAsync();
    }

    private static async Task AnswerAsync(HttpContext context, string host)
    {
        // Read the whole body first, as a real API would, so the request record holds its full length and hash.
        await context.Request.Body.CopyToAsync(Stream.Null, context.RequestAborted);
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(JsonSerializer.Serialize(new { thirdParty = host }), context.RequestAborted);
    }
}
