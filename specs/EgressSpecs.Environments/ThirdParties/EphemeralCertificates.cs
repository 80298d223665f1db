using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace EgressSpecs.Environments.ThirdParties;

/// <summary>
/// Certificates made for one run and thrown away with it: a CA the proxy is told to trust, another CA it is not,
/// and leaf certificates (ECDSA P-256, like the bench kit's origin, so handshakes stay cheap on 2 cores). The trusted
/// CA may instead be one the operator gives (<see cref="IssuingCa"/>), so a proxy can trust it before the run starts.
/// </summary>
internal sealed class EphemeralCertificates : IDisposable
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(1);

    private readonly List<X509Certificate2> _issued = [];

    public EphemeralCertificates()
        : this(trustedCa: null)
    {
    }

    /// <param name="trustedCa">The CA to issue from, with its private key (it is disposed with this object); null makes one.</param>
    public EphemeralCertificates(X509Certificate2? trustedCa)
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        TrustedCa = trustedCa ?? CreateCa($"EgressSpecs trusted test CA {run}");
        UntrustedCa = CreateCa($"EgressSpecs untrusted test CA {run}");
    }

    /// <summary>The CA written to the CA file: the proxy trusts it.</summary>
    public X509Certificate2 TrustedCa { get; }

    /// <summary>A CA nobody is told about, for <see cref="ThirdPartyRole.UntrustedIssuer"/>.</summary>
    public X509Certificate2 UntrustedCa { get; }

    /// <summary>The PEM bundle a proxy must trust (only <see cref="TrustedCa"/>).</summary>
    public string TrustedCaPem => TrustedCa.ExportCertificatePem() + "\n";

    /// <summary>A server certificate for <paramref name="names"/> (DNS names or IP literals), issued by <paramref name="issuer"/>.</summary>
    public X509Certificate2 Issue(X509Certificate2 issuer, params string[] names)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = ServerRequest(key, names);
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(issuer, true, false));
        var now = DateTimeOffset.UtcNow;
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F;
        // Within the issuer's own validity (the API refuses anything else): a given CA may be minutes old, or end soon.
        var notBefore = Later(now.AddMinutes(-5), new DateTimeOffset(issuer.NotBefore));
        var notAfter = Earlier(now.Add(Lifetime), new DateTimeOffset(issuer.NotAfter));
        using var publicOnly = request.Create(issuer, notBefore, notAfter, serial);
        return Keep(publicOnly.CopyWithPrivateKey(key));
    }

    /// <summary>A self-signed server certificate for <paramref name="names"/>.</summary>
    public X509Certificate2 SelfSigned(params string[] names)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var now = DateTimeOffset.UtcNow;
        return Keep(ServerRequest(key, names).CreateSelfSigned(now.AddMinutes(-5), now.Add(Lifetime)));
    }

    public void Dispose()
    {
        foreach (var certificate in _issued)
        {
            certificate.Dispose();
        }

        TrustedCa.Dispose();
        UntrustedCa.Dispose();
    }

    private static CertificateRequest ServerRequest(ECDsa key, string[] names)
    {
        if (names.Length == 0)
        {
            throw new ArgumentException("A server certificate needs at least one name.", nameof(names));
        }

        var request = new CertificateRequest($"CN={names[0]}", key, HashAlgorithmName.SHA256);
        var alternativeNames = new SubjectAlternativeNameBuilder();
        foreach (var name in names)
        {
            if (IPAddress.TryParse(name, out var address))
            {
                alternativeNames.AddIpAddress(address);
            }
            else
            {
                alternativeNames.AddDnsName(name);
            }
        }

        request.CertificateExtensions.Add(alternativeNames.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        return request;
    }

    private static X509Certificate2 CreateCa(string commonName)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={commonName}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        var now = DateTimeOffset.UtcNow;
        // Outlives every certificate it issues: an issued certificate may not end after its issuer.
        return request.CreateSelfSigned(now.AddMinutes(-10), now.Add(Lifetime).AddDays(1));
    }

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static DateTimeOffset Earlier(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private X509Certificate2 Keep(X509Certificate2 certificate)
    {
        _issued.Add(certificate);
        return certificate;
    }
}
