using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using EgressSpecs.Environments.Tests.Support;
using EgressSpecs.Environments.ThirdParties;

namespace EgressSpecs.Environments.Tests.ThirdParties;

public sealed class IssuingCaTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("issuing-ca-tests-").FullName;

    [Fact]
    public void Load_CaWithKeyMadeAMinuteAgo_IssuesCertificatesThatChainToIt()
    {
        // Given: a CA as openssl would make it just before the run (valid from now, one day)
        var now = DateTimeOffset.UtcNow;
        var path = WritePem("ca.pem", CreateCa(now, now.AddDays(1), isCa: true, KeyUsage.CertSign), withKey: true);

        // When
        using var certificates = new EphemeralCertificates(IssuingCa.Load(path, now.AddMinutes(1)));
        var leaf = certificates.Issue(certificates.TrustedCa, "api.example.test");

        // Then
        Assert.Null(CertificateCheck.Problem(leaf, certificates.TrustedCa, "api.example.test"));
        Assert.True(leaf.NotBefore >= certificates.TrustedCa.NotBefore);
        Assert.True(leaf.NotAfter <= certificates.TrustedCa.NotAfter);
        Assert.Contains(certificates.TrustedCa.ExportCertificatePem(), certificates.TrustedCaPem);
    }

    [Fact]
    public void Load_CaEndingInAnHour_IssuesCertificatesEndingWithIt()
    {
        // Given
        var now = DateTimeOffset.UtcNow;
        var path = WritePem("short.pem", CreateCa(now.AddDays(-1), now.AddHours(1), isCa: true, KeyUsage.CertSign), withKey: true);

        // When
        using var certificates = new EphemeralCertificates(IssuingCa.Load(path, now));
        var leaf = certificates.Issue(certificates.TrustedCa, "api.example.test");

        // Then
        Assert.Equal(certificates.TrustedCa.NotAfter, leaf.NotAfter);
    }

    [Fact]
    public void Load_CertificateWithoutKey_FailsNamingTheVariableAndTheFile()
    {
        // Given
        var now = DateTimeOffset.UtcNow;
        var path = WritePem("no-key.pem", CreateCa(now, now.AddDays(1), isCa: true, KeyUsage.CertSign), withKey: false);

        // When
        var failure = Assert.Throws<InvalidOperationException>(() => IssuingCa.Load(path, now));

        // Then
        Assert.StartsWith($"EGRESS_SPECS_ISSUING_CA='{path}': expected one PEM file with a CA certificate and its unencrypted private key", failure.Message);
    }

    [Fact]
    public void Load_MissingFile_FailsSayingSo()
    {
        // Given
        var path = Path.Combine(_directory, "absent.pem");

        // When
        var failure = Assert.Throws<InvalidOperationException>(() => IssuingCa.Load(path, DateTimeOffset.UtcNow));

        // Then
        Assert.Equal($"EGRESS_SPECS_ISSUING_CA='{path}': the file does not exist.", failure.Message);
    }

    [Theory]
    [InlineData("leaf", "is not a CA certificate (basic constraints CA:TRUE is missing)")]
    [InlineData("no-cert-sign", "may not sign certificates (key usage lacks keyCertSign)")]
    [InlineData("expired", ", not now.")]
    public void Load_CertificateThatCannotIssueNow_FailsSayingWhy(string kind, string reason)
    {
        // Given
        var now = DateTimeOffset.UtcNow;
        var certificate = kind switch
        {
            "leaf" => CreateCa(now, now.AddDays(1), isCa: false, KeyUsage.CertSign),
            "no-cert-sign" => CreateCa(now, now.AddDays(1), isCa: true, KeyUsage.CrlSignOnly),
            _ => CreateCa(now.AddDays(-3), now.AddDays(-1), isCa: true, KeyUsage.CertSign),
        };
        var path = WritePem($"{kind}.pem", certificate, withKey: true);

        // When
        var failure = Assert.Throws<InvalidOperationException>(() => IssuingCa.Load(path, now));

        // Then
        Assert.StartsWith($"EGRESS_SPECS_ISSUING_CA='{path}': ", failure.Message);
        Assert.Contains(reason, failure.Message);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private enum KeyUsage
    {
        CertSign,
        CrlSignOnly,
    }

    private static X509Certificate2 CreateCa(DateTimeOffset notBefore, DateTimeOffset notAfter, bool isCa, KeyUsage usage)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=operator test CA", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(isCa, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(
            usage == KeyUsage.CertSign ? X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign : X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        return request.CreateSelfSigned(notBefore, notAfter);
    }

    private string WritePem(string name, X509Certificate2 certificate, bool withKey)
    {
        using (certificate)
        {
            var path = Path.Combine(_directory, name);
            var pem = certificate.ExportCertificatePem() + "\n";
            if (withKey)
            {
                pem += certificate.GetECDsaPrivateKey()!.ExportPkcs8PrivateKeyPem() + "\n";
            }

            File.WriteAllText(path, pem);
            return path;
        }
    }
}
