using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using EgressSpecs.Environments.Local;

namespace EgressSpecs.Environments.ThirdParties;

/// <summary>Where one third party listens.</summary>
internal sealed record ThirdPartyPlace(ThirdPartyRole Role, string Host, IPEndPoint Listen);

/// <summary>
/// The third-party program's settings file and the certificate files it names, for a plan of places: the same
/// role always serves the same kind of certificate, whichever target runs the program.
/// </summary>
internal static class ThirdPartySettings
{
    public const string SettingsFileName = "third-parties.json";

    /// <summary>The files to give the program, by file name, with the settings naming them under <paramref name="directory"/> (the folder as the program sees it).</summary>
    public static IReadOnlyDictionary<string, byte[]> Files(
        IReadOnlyList<ThirdPartyPlace> places, EphemeralCertificates certificates, IPEndPoint observationApi, bool sharePort, string directory)
    {
        var files = new Dictionary<string, byte[]>();
        var parties = new List<ThirdPartyOptions>();
        foreach (var place in places)
        {
            var name = place.Role.ToString().ToLowerInvariant();
            var certificate = CertificateFor(place, certificates);
            files[$"{name}.crt"] = Encoding.ASCII.GetBytes(certificate.ExportCertificatePem() + "\n");
            files[$"{name}.key"] = Encoding.ASCII.GetBytes(PrivateKeyPem(certificate));
            parties.Add(new ThirdPartyOptions
            {
                Role = place.Role,
                Host = place.Host,
                Listen = place.Listen.ToString(),
                CertificateFile = $"{directory}/{name}.crt",
                KeyFile = $"{directory}/{name}.key",
            });
        }

        var options = new ThirdPartiesOptions { ObservationApi = observationApi.ToString(), SharePort = sharePort, Parties = parties };
        files[SettingsFileName] = JsonSerializer.SerializeToUtf8Bytes(options, ThirdPartiesOptions.Json);
        return files;
    }

    /// <summary>Writes <see cref="Files"/> into <paramref name="directory"/> and returns the settings file's path.</summary>
    public static string WriteTo(string directory, IReadOnlyList<ThirdPartyPlace> places, EphemeralCertificates certificates, IPEndPoint observationApi, bool sharePort)
    {
        Directory.CreateDirectory(directory);
        foreach (var (name, content) in Files(places, certificates, observationApi, sharePort, directory))
        {
            File.WriteAllBytes(Path.Combine(directory, name), content);
        }

        return Path.Combine(directory, SettingsFileName);
    }

    /// <summary>What each role serves: the point of most roles is a certificate the proxy must refuse.</summary>
    public static X509Certificate2 CertificateFor(ThirdPartyPlace place, EphemeralCertificates certificates) => place.Role switch
    {
        ThirdPartyRole.WrongName => certificates.Issue(certificates.TrustedCa, AddressPlan.WrongCertificateName),
        ThirdPartyRole.SelfSigned => certificates.SelfSigned(place.Host),
        ThirdPartyRole.UntrustedIssuer => certificates.Issue(certificates.UntrustedCa, place.Host),

        // Valid for every internal name it stands for, so only the proxy's refusal keeps a connection away from it.
        ThirdPartyRole.InternalService => certificates.Issue(
            certificates.TrustedCa, [place.Host, .. AddressPlan.InternalNames.Select(name => name.TrimEnd('.')), place.Listen.Address.ToString()]),
        _ => certificates.Issue(certificates.TrustedCa, place.Host),
    };

    private static string PrivateKeyPem(X509Certificate2 certificate)
    {
        using AsymmetricAlgorithm key = (AsymmetricAlgorithm?)certificate.GetECDsaPrivateKey() ?? certificate.GetRSAPrivateKey()
            ?? throw new InvalidOperationException($"The certificate for {certificate.Subject} has no private key.");
        return key.ExportPkcs8PrivateKeyPem() + "\n";
    }
}
