namespace EgressSpecs.Dns.Tests;

internal static class DnsNamesForTests
{
    /// <summary>The backend answers with the (fully qualified) name it was asked for.</summary>
    public static string Fqdn(string name) => name.EndsWith('.') ? name.ToLowerInvariant() : name.ToLowerInvariant() + ".";
}
