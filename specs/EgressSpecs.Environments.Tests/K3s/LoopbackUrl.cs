using System.Net;
using System.Net.Sockets;

namespace EgressSpecs.Environments.Tests.K3s;

/// <summary>An http:// URL on 127.0.0.1 with a port that was free a moment ago (WireMock.Net takes its URLs up front).</summary>
internal static class LoopbackUrl
{
    public static string Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}";
    }
}
