using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using EgressSpecs.Proxy.Configuration;
using Microsoft.Extensions.Options;

namespace EgressSpecs.Proxy.Upstream;

/// <summary>
/// Upstream certificate check: the system roots, plus the roots of <c>Egress:TrustedCaFile</c>.
/// A name mismatch or a missing certificate is never forgiven.
/// </summary>
internal sealed class UpstreamTrust
{
    // id-kp-serverAuth: the same purpose SslStream asks of the system chain.
    private static readonly Oid ServerAuthentication = new("1.3.6.1.5.5.7.3.1");

    private readonly X509Certificate2Collection _extraRoots = [];

    public UpstreamTrust(IOptions<EgressOptions> options)
    {
        if (!string.IsNullOrWhiteSpace(options.Value.TrustedCaFile))
        {
            _extraRoots.ImportFromPemFile(options.Value.TrustedCaFile);
        }
    }

    /// <summary>
    /// The policy SslStream builds the system chain with: what it uses by default (no revocation check, root excluded),
    /// plus no downloads. A server that omits its intermediate would otherwise make the chain builder fetch it from the
    /// certificate's AIA address, synchronously, on whatever thread runs the handshake (often a socket thread here), and
    /// from an address the server chose. Without the intermediate the chain is incomplete: 502 tls_failure.
    /// </summary>
    public static X509ChainPolicy SystemChainPolicy() => new()
    {
        DisableCertificateDownloads = true,
        RevocationMode = X509RevocationMode.NoCheck,
        RevocationFlag = X509RevocationFlag.ExcludeRoot,
    };

    public bool Validate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (errors == SslPolicyErrors.None)
        {
            return true;
        }

        // Only an untrusted chain can be rescued by the extra roots; name and presence errors are final.
        if (errors != SslPolicyErrors.RemoteCertificateChainErrors || _extraRoots.Count == 0 || certificate is null)
        {
            return false;
        }

        using var custom = new X509Chain();
        custom.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        custom.ChainPolicy.CustomTrustStore.AddRange(_extraRoots);
        custom.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        custom.ChainPolicy.DisableCertificateDownloads = true;
        custom.ChainPolicy.ApplicationPolicy.Add(ServerAuthentication);
        if (chain is not null)
        {
            // Intermediates the server sent with its certificate.
            custom.ChainPolicy.ExtraStore.AddRange(chain.ChainPolicy.ExtraStore);
            foreach (var element in chain.ChainElements)
            {
                custom.ChainPolicy.ExtraStore.Add(element.Certificate);
            }
        }

        var leaf = certificate as X509Certificate2 ?? new X509Certificate2(certificate);
        return custom.Build(leaf);
    }
}
