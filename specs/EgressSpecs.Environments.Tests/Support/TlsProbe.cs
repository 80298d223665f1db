using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;

namespace EgressSpecs.Environments.Tests.Support;

/// <summary>Opens a TLS connection with a chosen SNI and returns the certificate the server presented.</summary>
internal static class TlsProbe
{
    public static async Task<X509Certificate2> ServerCertificateAsync(IPEndPoint endpoint, string serverName, CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(endpoint, cancellationToken);
        X509Certificate2? presented = null;
        await using var tls = new SslStream(client.GetStream());
        await tls.AuthenticateAsClientAsync(
            new SslClientAuthenticationOptions
            {
                TargetHost = serverName,

                // Accept anything: the probe reports the certificate, the test judges it.
                RemoteCertificateValidationCallback = (_, certificate, _, _) =>
                {
                    presented = certificate is null ? null : X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
                    return true;
                },
            },
            cancellationToken);
        return presented ?? throw new InvalidOperationException($"{endpoint} presented no certificate.");
    }
}
