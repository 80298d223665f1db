using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using EgressSpecs.Environments.K3s;

namespace EgressSpecs.Environments.Tests.K3s;

public sealed class LinkerdCertificatesTests
{
    [Fact]
    public void Create_Issuer_ChainsToTheTrustAnchor()
    {
        // Given
        using var certificates = LinkerdCertificates.Create(TimeSpan.FromDays(2));
        using var issuer = X509Certificate2.CreateFromPem(certificates.IssuerCertificatePem);
        using var anchor = X509Certificate2.CreateFromPem(certificates.TrustAnchorPem);
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(anchor);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;

        // When
        var valid = chain.Build(issuer);

        // Then
        Assert.True(valid, string.Join("; ", chain.ChainStatus.Select(status => status.StatusInformation)));
        Assert.Equal(2, chain.ChainElements.Count);
        Assert.Equal("CN=identity.linkerd.cluster.local", issuer.Subject);
        Assert.Equal("CN=root.linkerd.cluster.local", anchor.Subject);
    }

    [Fact]
    public void Create_BothCertificates_AreEcdsaP256CasThatOnlySignCertificatesAndCrls()
    {
        // Given
        using var certificates = LinkerdCertificates.Create(TimeSpan.FromDays(2));

        // When
        X509Certificate2[] both = [certificates.TrustAnchor, certificates.Issuer];

        // Then
        foreach (var certificate in both)
        {
            using var key = certificate.GetECDsaPublicKey();
            Assert.NotNull(key);
            Assert.Equal(ECCurve.NamedCurves.nistP256.Oid.Value, key.ExportParameters(false).Curve.Oid.Value);
            var usage = certificate.Extensions.OfType<X509KeyUsageExtension>().Single();
            Assert.Equal(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, usage.KeyUsages);
            Assert.True(certificate.Extensions.OfType<X509BasicConstraintsExtension>().Single().CertificateAuthority);
        }

        var issuerConstraints = certificates.Issuer.Extensions.OfType<X509BasicConstraintsExtension>().Single();
        Assert.True(issuerConstraints.HasPathLengthConstraint);
        Assert.Equal(0, issuerConstraints.PathLengthConstraint);
        Assert.False(certificates.TrustAnchor.Extensions.OfType<X509BasicConstraintsExtension>().Single().HasPathLengthConstraint);
    }

    [Fact]
    public void Create_IssuerKey_IsSec1PemOfTheIssuersPublicKey()
    {
        // Given
        using var certificates = LinkerdCertificates.Create(TimeSpan.FromDays(2));

        // When
        using var key = ECDsa.Create();
        key.ImportFromPem(certificates.IssuerKeyPem);

        // Then
        Assert.StartsWith("-----BEGIN EC PRIVATE KEY-----", certificates.IssuerKeyPem);
        using var publicKey = certificates.Issuer.GetECDsaPublicKey()!;
        Assert.Equal(publicKey.ExportSubjectPublicKeyInfo(), key.ExportSubjectPublicKeyInfo());
    }

    [Fact]
    public void Create_Validity_StartsBeforeNowForClockSkewAndTheIssuerDoesNotOutliveTheAnchor()
    {
        // Given
        var before = DateTime.UtcNow;

        // When
        using var certificates = LinkerdCertificates.Create(TimeSpan.FromDays(2));

        // Then
        Assert.True(certificates.TrustAnchor.NotBefore.ToUniversalTime() < before.AddMinutes(-4));
        Assert.True(certificates.Issuer.NotAfter <= certificates.TrustAnchor.NotAfter);
        Assert.True(certificates.Issuer.NotAfter.ToUniversalTime() > before.AddDays(1));
    }
}
