using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace EgressSpecs.Proxy.Tests.Support;

/// <summary>Ephemeral certificate authorities and server certificates (ECDSA P-256: fast to make).</summary>
internal static class TestCertificates
{
    public static X509Certificate2 CreateAuthority(string name)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(7));
    }

    /// <summary>A CA certificate issued by <paramref name="issuer"/>, with its private key.</summary>
    public static X509Certificate2 CreateIntermediate(X509Certificate2 issuer, string name)
    {
        var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        using var certificate = request.Create(issuer, DateTimeOffset.UtcNow.AddHours(-1), NotAfterWithin(issuer), RandomNumberGenerator.GetBytes(12));
        return certificate.CopyWithPrivateKey(key);
    }

    /// <summary>A server certificate whose Authority Information Access names <paramref name="caIssuers"/> as the place to fetch its issuer.</summary>
    public static X509Certificate2 CreateServerWithIssuerUrl(X509Certificate2 issuer, Uri caIssuers, params string[] dnsNames)
    {
        var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = ServerRequest(key, dnsNames);
        request.CertificateExtensions.Add(new X509AuthorityInformationAccessExtension(ocspUris: null, caIssuersUris: [caIssuers.AbsoluteUri]));
        using var certificate = request.Create(issuer, DateTimeOffset.UtcNow.AddHours(-1), NotAfterWithin(issuer), RandomNumberGenerator.GetBytes(12));
        return certificate.CopyWithPrivateKey(key);
    }

    public static X509Certificate2 CreateServer(X509Certificate2 issuer, params string[] dnsNames)
    {
        var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = ServerRequest(key, dnsNames);
        var serial = RandomNumberGenerator.GetBytes(12);
        using var certificate = request.Create(issuer, DateTimeOffset.UtcNow.AddHours(-1), NotAfterWithin(issuer), serial);
        return certificate.CopyWithPrivateKey(key);
    }

    /// <summary>Two days, but never past the issuer's own end: made a tick after the issuer, "two days" would be later than it, which CertificateRequest.Create refuses.</summary>
    private static DateTimeOffset NotAfterWithin(X509Certificate2 issuer) =>
        new[] { DateTimeOffset.UtcNow.AddDays(2), new DateTimeOffset(issuer.NotAfter.ToUniversalTime()) }.Min();

    public static X509Certificate2 CreateSelfSigned(params string[] dnsNames)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return ServerRequest(key, dnsNames).CreateSelfSigned(DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddDays(2));
    }

    public static string WritePem(X509Certificate2 certificate, string directory)
    {
        var path = Path.Combine(directory, $"ca-{Guid.NewGuid():N}.pem");
        File.WriteAllText(path, certificate.ExportCertificatePem());
        return path;
    }

    private static CertificateRequest ServerRequest(ECDsa key, string[] dnsNames)
    {
        var request = new CertificateRequest($"CN={dnsNames[0]}", key, HashAlgorithmName.SHA256);
        var san = new SubjectAlternativeNameBuilder();
        foreach (var name in dnsNames)
        {
            san.AddDnsName(name);
        }

        san.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(san.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        return request;
    }
}
