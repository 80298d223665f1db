using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;

namespace EgressSpecs.Environments.Tests.Support;

/// <summary>An HTTPS client that reaches one third party directly (as the proxy would) and trusts only the run's CA for the host's name.</summary>
internal static class ThirdPartyClient
{
    public static HttpClient Create(IPEndPoint endpoint, X509Certificate2 ca, string host) => new(new SocketsHttpHandler
    {
        UseProxy = false,
        AllowAutoRedirect = false,
        ConnectCallback = async (_, cancellationToken) =>
        {
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
            try
            {
                await socket.ConnectAsync(endpoint, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
        SslOptions =
        {
            RemoteCertificateValidationCallback = (_, certificate, _, _) =>
                certificate is X509Certificate2 presented && CertificateCheck.Problem(presented, ca, host) is null,
        },
    });
}
