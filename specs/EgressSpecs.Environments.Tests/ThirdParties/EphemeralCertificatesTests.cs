using EgressSpecs.Environments.Tests.Support;
using EgressSpecs.Environments.ThirdParties;

namespace EgressSpecs.Environments.Tests.ThirdParties;

public sealed class EphemeralCertificatesTests
{
    [Fact]
    public void Issue_TrustedCaAndRightName_PassesValidation()
    {
        // Given
        using var certificates = new EphemeralCertificates();

        // When
        var certificate = certificates.Issue(certificates.TrustedCa, "api.example.test");

        // Then
        Assert.Null(CertificateCheck.Problem(certificate, certificates.TrustedCa, "api.example.test"));
        Assert.True(certificate.HasPrivateKey);
    }

    [Fact]
    public void Issue_AnotherName_FailsOnTheName()
    {
        // Given
        using var certificates = new EphemeralCertificates();

        // When
        var certificate = certificates.Issue(certificates.TrustedCa, "other.example.test");

        // Then
        Assert.StartsWith("name:", CertificateCheck.Problem(certificate, certificates.TrustedCa, "wrong.example.test"));
    }

    [Fact]
    public void SelfSigned_RightName_FailsOnTheChain()
    {
        // Given
        using var certificates = new EphemeralCertificates();

        // When
        var certificate = certificates.SelfSigned("selfsigned.example.test");

        // Then
        Assert.StartsWith("chain:", CertificateCheck.Problem(certificate, certificates.TrustedCa, "selfsigned.example.test"));
    }

    [Fact]
    public void Issue_UntrustedCa_FailsOnTheChain()
    {
        // Given
        using var certificates = new EphemeralCertificates();

        // When
        var certificate = certificates.Issue(certificates.UntrustedCa, "untrusted.example.test");

        // Then
        Assert.StartsWith("chain:", CertificateCheck.Problem(certificate, certificates.TrustedCa, "untrusted.example.test"));
        Assert.Null(CertificateCheck.Problem(certificate, certificates.UntrustedCa, "untrusted.example.test"));
    }

    [Fact]
    public void TrustedCaPem_EachRun_HoldsOnlyItsOwnTrustedCa()
    {
        // Given
        using var first = new EphemeralCertificates();
        using var second = new EphemeralCertificates();

        // When
        var pem = first.TrustedCaPem;

        // Then
        var bundle = new System.Security.Cryptography.X509Certificates.X509Certificate2Collection();
        bundle.ImportFromPem(pem);
        Assert.Equal(first.TrustedCa.Thumbprint, Assert.Single(bundle).Thumbprint);
        Assert.NotEqual(first.TrustedCa.Thumbprint, second.TrustedCa.Thumbprint);
    }
}
