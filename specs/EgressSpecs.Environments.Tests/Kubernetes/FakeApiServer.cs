using System.Net;
using System.Net.Sockets;
using k8s;
using WireMock.Logging;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;

namespace EgressSpecs.Environments.Tests.Kubernetes;

/// <summary>
/// A stand-in Kubernetes API server on loopback (WireMock.Net): KubernetesClient talks HTTP to it exactly as to a real
/// one, so the calls the cluster targets make are exercised offline down to method, URL, query, headers and body.
/// Anything not stubbed answers 200 with an empty object.
/// </summary>
internal sealed class FakeApiServer : IDisposable
{
    private readonly WireMockServer _server;

    public FakeApiServer()
    {
        (_server, var url) = StartOnAFreePort();
        _server.Given(Request.Create().WithPath(_ => true)).AtPriority(100)
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody("{}"));
        Client = new k8s.Kubernetes(new KubernetesClientConfiguration { Host = url });
    }

    public k8s.Kubernetes Client { get; }

    /// <summary>WireMock binds the URL it is given, so a free port is probed first; another process may take it in between: try again.</summary>
    private static (WireMockServer Server, string Url) StartOnAFreePort()
    {
        for (var attempt = 1; ; attempt++)
        {
            using var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var url = $"http://127.0.0.1:{((IPEndPoint)probe.LocalEndpoint).Port}";
            probe.Stop();
            try
            {
                return (WireMockServer.Start(new WireMockServerSettings { Urls = [url], StartAdminInterface = false }), url);
            }
            catch (WireMock.Exceptions.WireMockException exception) when (attempt < 5 && exception.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
            {
                // Taken between the probe and the bind: another port.
            }
        }
    }

    public IReadOnlyList<ILogEntry> Requests => [.. _server.LogEntries];

    /// <summary>Answers <paramref name="method"/> <paramref name="path"/> with a status and a JSON body.</summary>
    public void Answer(string method, string path, int status, string json) =>
        _server.Given(Request.Create().WithPath(path).UsingMethod(method)).AtPriority(1)
            .RespondWith(Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBody(json));

    public static string Status(int code, string reason) =>
        $$"""{"kind":"Status","apiVersion":"v1","status":"Failure","reason":"{{reason}}","code":{{code}}}""";

    public void Dispose()
    {
        Client.Dispose();
        _server.Stop();
        _server.Dispose();
    }
}
