using System.Security.Cryptography.X509Certificates;

namespace EgressSpecs.Environments.Tests.Support;

/// <summary>Validates a server certificate as a verifying client that trusts only the run's CA would.</summary>
internal static class CertificateCheck
{
    /// <summary>Null when <paramref name="certificate"/> chains to <paramref name="ca"/> and is valid for <paramref name="name"/>, else why not.</summary>
    public static string? Problem(X509Certificate2 certificate, X509Certificate2 ca, string name)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(ca);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.ApplicationPolicy.Add(new System.Security.Cryptography.Oid("1.3.6.1.5.5.7.3.1"));
        if (!chain.Build(certificate))
        {
            return "chain: " + string.Join(", ", chain.ChainStatus.Select(status => status.Status));
        }

        return certificate.MatchesHostname(name) ? null : $"name: not valid for {name}";
    }
}
