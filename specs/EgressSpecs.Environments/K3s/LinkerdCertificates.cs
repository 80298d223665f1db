using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace EgressSpecs.Environments.K3s;

/// <summary>
/// Linkerd's identity PKI for one throwaway cluster, as linkerd.io's "Generating your own mTLS root certificates"
/// describes it: an ECDSA P-256 trust anchor <c>root.linkerd.cluster.local</c> and an issuer
/// <c>identity.linkerd.cluster.local</c> signed by it, both CAs (the issuer with path length 0). The issuer key is
/// SEC1 PEM (<c>EC PRIVATE KEY</c>): linkerd2 pkg/tls/codec.go DecodePEMKey accepts nothing else.
/// </summary>
internal sealed class LinkerdCertificates : IDisposable
{
    public const string TrustAnchorName = "root.linkerd.cluster.local";
    public const string IssuerName = "identity.linkerd.cluster.local";

    private LinkerdCertificates(X509Certificate2 trustAnchor, X509Certificate2 issuer, string issuerKeyPem)
    {
        TrustAnchor = trustAnchor;
        Issuer = issuer;
        IssuerKeyPem = issuerKeyPem;
    }

    public X509Certificate2 TrustAnchor { get; }

    public X509Certificate2 Issuer { get; }

    /// <summary><c>identityTrustAnchorsPEM</c>.</summary>
    public string TrustAnchorPem => TrustAnchor.ExportCertificatePem() + "\n";

    /// <summary><c>identity.issuer.tls.crtPEM</c>.</summary>
    public string IssuerCertificatePem => Issuer.ExportCertificatePem() + "\n";

    /// <summary><c>identity.issuer.tls.keyPEM</c>.</summary>
    public string IssuerKeyPem { get; }

    /// <summary>A new anchor and issuer, valid from 5 minutes ago (node clocks drift) for <paramref name="lifetime"/>.</summary>
    public static LinkerdCertificates Create(TimeSpan lifetime)
    {
        var notBefore = DateTimeOffset.UtcNow.AddMinutes(-5);
        var notAfter = notBefore.Add(lifetime);

        using var anchorKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var anchorRequest = CaRequest(TrustAnchorName, anchorKey, pathLength: null);
        var anchor = anchorRequest.CreateSelfSigned(notBefore, notAfter);

        using var issuerKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var issuerRequest = CaRequest(IssuerName, issuerKey, pathLength: 0);
        issuerRequest.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(anchor, true, false));
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F;

        // The issuer must not outlive the anchor: CertificateRequest.Create refuses, and Linkerd would too.
        using var issuerPublic = issuerRequest.Create(anchor, notBefore, notAfter, serial);
        var issuer = issuerPublic.CopyWithPrivateKey(issuerKey);
        return new LinkerdCertificates(anchor, issuer, issuerKey.ExportECPrivateKeyPem() + "\n");
    }

    public void Dispose()
    {
        TrustAnchor.Dispose();
        Issuer.Dispose();
    }

    private static CertificateRequest CaRequest(string name, ECDsa key, int? pathLength)
    {
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(
            certificateAuthority: true, hasPathLengthConstraint: pathLength is not null, pathLengthConstraint: pathLength ?? 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, critical: true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, critical: false));
        return request;
    }
}
