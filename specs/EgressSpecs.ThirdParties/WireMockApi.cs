using System.Globalization;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;
using WireMock.Types;
using WireMock.Util;

namespace EgressSpecs.ThirdParties;

/// <summary>
/// The <see cref="ThirdPartyRole.Api"/> third party: WireMock.Net over HTTPS with a certificate from the run's CA.
/// Stubs (anywhere in the path, so a scenario can prefix its own token): <c>.../redirect/...</c> answers 302 to
/// <c>https://{host}:{port}/landing</c>; <c>.../status/{code}</c> answers that code; <c>.../large/{bytes}</c> answers
/// a <see cref="GeneratedBody"/> of that length; anything else 200 with a small JSON body.
/// </summary>
internal sealed partial class WireMockApi : IObservedParty
{
    /// <summary>The largest body <c>.../large/{bytes}</c> serves: WireMock holds a response body whole.</summary>
    public const int MaxLargeBody = 64 * 1024 * 1024;

    private readonly WireMockServer _server;
    private readonly RequestLog _requests;
    private readonly ConnectionLog _connections;

    private WireMockApi(string host, WireMockServer server, RequestLog requests, ConnectionLog connections)
    {
        Host = host;
        _server = server;
        _requests = requests;
        _connections = connections;
    }

    public ThirdPartyRole Role => ThirdPartyRole.Api;

    public string Host { get; }

    public int Port => _server.Ports.Single();

    public static WireMockApi Start(string host, IPEndPoint endpoint, X509Certificate2 certificate)
    {
        var requests = new RequestLog();
        var connections = new ConnectionLog();
        var settings = new WireMockServerSettings
        {
            // The certificate is not given through CertificateSettings.X509Certificate: WireMock logs its settings
            // as JSON, and X509Certificate2.PrivateKey throws for the ECDSA key. The HTTPS defaults' selector
            // (ObserveConnections) serves it instead.
            Urls = [$"https://{endpoint}"],
            StartAdminInterface = false,
            ReadStaticMappings = false,
            AllowBodyForAllHttpMethods = true,
            DisableRequestBodyDecompressing = true,
            MaxRequestLogCount = 0,
            AdditionalServiceRegistration = services => services.Configure<KestrelServerOptions>(kestrel => ObserveConnections(kestrel, connections, certificate)),
            PreWireMockMiddlewareInit = app => ((IApplicationBuilder)app).Use((context, next) =>
                RequestObservation.ObserveAsync(context, requests, connections, () => next(context))),
        };

        var server = WireMockServer.Start(settings);
        var api = new WireMockApi(host, server, requests, connections);
        api.AddStubs();
        return api;
    }

    public IReadOnlyList<ObservedRequest> Requests(string? pathPrefix) => _requests.Snapshot(pathPrefix);

    public IReadOnlyList<ObservedConnection> Connections() => _connections.Snapshot();

    public ValueTask DisposeAsync()
    {
        _server.Stop();
        _server.Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// WireMock builds its own listen options, but Kestrel applies the endpoint and HTTPS defaults first: a
    /// connection middleware there sees each TCP connection, and a certificate selector serves the certificate
    /// and sees each ClientHello's SNI.
    /// </summary>
    private static void ObserveConnections(KestrelServerOptions kestrel, ConnectionLog connections, X509Certificate2 certificate)
    {
        GenerousLimits.Apply(kestrel.Limits);
        kestrel.ConfigureEndpointDefaults(listen => listen.Use(next => async connection =>
        {
            connections.Accepted(connection.ConnectionId);
            try
            {
                await next(connection);
            }
            finally
            {
                if (connection.Features.Get<ITlsHandshakeFeature>() is { } tls)
                {
                    connections.HandshakeCompleted(connection.ConnectionId, tls.Protocol);
                }

                connections.Closed(connection.ConnectionId);
            }
        }));
        kestrel.ConfigureHttpsDefaults(https => https.ServerCertificateSelector = (connection, serverName) =>
        {
            if (connection is not null)
            {
                connections.ClientHello(connection.ConnectionId, serverName);
            }

            return certificate;
        });
    }

    private void AddStubs()
    {
        var landing = $"https://{Host}:{Port}/landing";
        _server.Given(Request.Create().WithPath(path => RedirectPath().IsMatch(path)))
            .AtPriority(1)
            .RespondWith(Response.Create().WithStatusCode(302).WithHeader("Location", landing));
        _server.Given(Request.Create().WithPath(path => StatusPath().IsMatch(path)))
            .AtPriority(1)
            .RespondWith(Response.Create().WithCallback(request => new ResponseMessage
            {
                StatusCode = int.Parse(StatusPath().Match(request.Path).Groups["code"].Value, CultureInfo.InvariantCulture),
            }));
        _server.Given(Request.Create().WithPath(path => LargePath().IsMatch(path)))
            .AtPriority(1)
            .RespondWith(Response.Create().WithCallback(request => LargeBody(request.Path)));
        _server.Given(Request.Create().WithPath(_ => true))
            .AtPriority(10)
            .RespondWith(Response.Create()
                .WithStatusCode(200)
                .WithHeader("Content-Type", "application/json")
                .WithBody($$"""{"thirdParty":"{{Host}}"}"""));
    }

    private static ResponseMessage LargeBody(string path)
    {
        var length = long.Parse(LargePath().Match(path).Groups["bytes"].Value, CultureInfo.InvariantCulture);
        if (length > MaxLargeBody)
        {
            return new ResponseMessage { StatusCode = 413 };
        }

        using var stream = GeneratedBody.Open(length);
        var bytes = new byte[length];
        stream.ReadExactly(bytes);
        var response = new ResponseMessage
        {
            StatusCode = 200,
            BodyData = new BodyData { DetectedBodyType = BodyType.Bytes, BodyAsBytes = bytes },
        };
        response.AddHeader("Content-Type", "application/octet-stream");
        return response;
    }

    [GeneratedRegex("/redirect(/|$)")]
    private static partial Regex RedirectPath();

    [GeneratedRegex("/status/(?<code>[1-5][0-9][0-9])$")]
    private static partial Regex StatusPath();

    [GeneratedRegex("/large/(?<bytes>[0-9]{1,10})$")]
    private static partial Regex LargePath();
}
