using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace EgressSpecs.Environments.ThirdParties;

/// <summary>
/// Reads a CA the operator gives (<see cref="EgressEnvironmentVariables.IssuingCa"/>): a proxy that loads its trust
/// store once, at start (nginx, HAProxy, Apache, Caddy), can then be started before the run with the CA the run's
/// third parties will present. Every problem is refused with the file and what is wrong, before anything starts.
/// </summary>
internal static class IssuingCa
{
    /// <summary>Loads the certificate and its private key from one PEM file and checks that it can issue server certificates now.</summary>
    public static X509Certificate2 Load(string path, DateTimeOffset now)
    {
        var where = $"{EgressEnvironmentVariables.IssuingCa}='{path}'";
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"{where}: the file does not exist.");
        }

        X509Certificate2 certificate;
        try
        {
            certificate = X509Certificate2.CreateFromPemFile(path);
        }
        catch (CryptographicException exception)
        {
            throw new InvalidOperationException(
                $"{where}: expected one PEM file with a CA certificate and its unencrypted private key ({exception.Message}).", exception);
        }

        if (Problem(certificate, now) is { } problem)
        {
            certificate.Dispose();
            throw new InvalidOperationException($"{where}: {problem}.");
        }

        return certificate;
    }

    /// <summary>Why <paramref name="certificate"/> cannot issue the run's certificates at <paramref name="now"/>, or null.</summary>
    public static string? Problem(X509Certificate2 certificate, DateTimeOffset now)
    {
        if (!certificate.HasPrivateKey)
        {
            return "the certificate has no private key in the file";
        }

        if (certificate.Extensions.OfType<X509BasicConstraintsExtension>().FirstOrDefault() is not { CertificateAuthority: true })
        {
            return $"'{certificate.Subject}' is not a CA certificate (basic constraints CA:TRUE is missing)";
        }

        if (certificate.Extensions.OfType<X509KeyUsageExtension>().FirstOrDefault() is { } usage
            && !usage.KeyUsages.HasFlag(X509KeyUsageFlags.KeyCertSign))
        {
            return $"'{certificate.Subject}' may not sign certificates (key usage lacks keyCertSign)";
        }

        if (now < certificate.NotBefore || now >= certificate.NotAfter)
        {
            return $"'{certificate.Subject}' is valid from {certificate.NotBefore:u} to {certificate.NotAfter:u}, not now";
        }

        return null;
    }
}
