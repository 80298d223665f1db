using System.Net;
using System.Security.Cryptography.X509Certificates;
using EgressSpecs.Proxy.Policy;
using Microsoft.Extensions.Options;

namespace EgressSpecs.Proxy.Configuration;

/// <summary>Checks the <c>Egress</c> section; every message starts with the configuration key at fault.</summary>
internal sealed class EgressOptionsValidator : IValidateOptions<EgressOptions>
{
    public ValidateOptionsResult Validate(string? name, EgressOptions options)
    {
        var failures = new List<string>();
        var section = EgressOptions.SectionName;

        if (!HostPattern.TryParse(options.Suffix, out var suffix) || suffix.Kind != HostPatternKind.Exact)
        {
            failures.Add($"{section}:Suffix: '{options.Suffix}' is not a DNS name.");
        }

        InternalNames? internalNames = null;
        for (var i = 0; i < options.InternalNames.Count; i++)
        {
            if (!HostPattern.TryParse(options.InternalNames[i], out var pattern) || pattern.Kind == HostPatternKind.Any)
            {
                failures.Add($"{section}:InternalNames:{i}: '{options.InternalNames[i]}' is not a name or '*.parent' pattern.");
            }
        }

        if (failures.Count == 0)
        {
            internalNames = new InternalNames(options.InternalNames);
        }

        ValidateDestinations(options, suffix, internalNames, failures);

        for (var i = 0; i < options.DnsServers.Count; i++)
        {
            if (!TryParseDnsServer(options.DnsServers[i], out _))
            {
                failures.Add($"{section}:DnsServers:{i}: '{options.DnsServers[i]}' is not an 'ip:port' endpoint.");
            }
        }

        for (var i = 0; i < options.Nat64Prefixes.Count; i++)
        {
            if (!Nat64Prefix.TryParse(options.Nat64Prefixes[i], out _))
            {
                failures.Add($"{section}:Nat64Prefixes:{i}: '{options.Nat64Prefixes[i]}' is not an IPv6 prefix of length /32, /40, /48, /56, /64 or /96 (RFC 6052) with nothing set after the length.");
            }
        }

        if (!string.IsNullOrWhiteSpace(options.TrustedCaFile))
        {
            ValidateTrustedCaFile(options.TrustedCaFile, failures);
        }

        RequirePositive(options.ConnectTimeout, $"{section}:ConnectTimeout", failures);
        RequirePositive(options.ActivityTimeout, $"{section}:ActivityTimeout", failures);
        RequirePositive(options.DnsTimeout, $"{section}:DnsTimeout", failures);
        if (options.Shutdown.ReadinessDelay < TimeSpan.Zero)
        {
            failures.Add($"{section}:Shutdown:ReadinessDelay: must not be negative.");
        }

        if (options.Shutdown.DrainTimeout < TimeSpan.Zero)
        {
            failures.Add($"{section}:Shutdown:DrainTimeout: must not be negative.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Parses <c>ip:port</c>; a bare IP means port 53.</summary>
    public static bool TryParseDnsServer(string? text, out IPEndPoint endPoint)
    {
        endPoint = new IPEndPoint(IPAddress.None, 0);
        if (string.IsNullOrWhiteSpace(text) || !IPEndPoint.TryParse(text.Trim(), out var parsed))
        {
            return false;
        }

        endPoint = parsed.Port == 0 ? new IPEndPoint(parsed.Address, 53) : parsed;
        return true;
    }

    private static void ValidateDestinations(EgressOptions options, HostPattern suffix, InternalNames? internalNames, List<string> failures)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < options.Destinations.Count; i++)
        {
            var destination = options.Destinations[i];
            var key = $"{EgressOptions.SectionName}:Destinations:{i}";
            if (!HostPattern.TryParse(destination.Host, out var pattern))
            {
                failures.Add($"{key}:Host: '{destination.Host}' is not an exact DNS name, '*.parent' or '*'.");
            }
            else if (!seen.Add(pattern.Kind == HostPatternKind.Below ? "*." + pattern.Name : pattern.Name))
            {
                failures.Add($"{key}:Host: '{destination.Host}' is listed more than once.");
            }
            else if (pattern.Kind != HostPatternKind.Any && internalNames is not null && internalNames.Contains(pattern.Name))
            {
                failures.Add($"{key}:Host: '{destination.Host}' is an internal name, which is always refused.");
            }
            else if (pattern.Kind != HostPatternKind.Any && suffix.Name.Length > 0 && DnsName.IsAtOrBelow(pattern.Name, suffix.Name))
            {
                failures.Add($"{key}:Host: '{destination.Host}' ends in the egress suffix.");
            }

            if (destination.Port is < 1 or > 65535)
            {
                failures.Add($"{key}:Port: {destination.Port} is not a TCP port (1-65535).");
            }

            if (!string.IsNullOrWhiteSpace(destination.Address) && !IPAddress.TryParse(destination.Address, out _))
            {
                failures.Add($"{key}:Address: '{destination.Address}' is not an IP address.");
            }
        }
    }

    private static void ValidateTrustedCaFile(string path, List<string> failures)
    {
        var key = $"{EgressOptions.SectionName}:TrustedCaFile";
        if (!File.Exists(path))
        {
            failures.Add($"{key}: '{path}' does not exist.");
            return;
        }

        try
        {
            var certificates = new X509Certificate2Collection();
            certificates.ImportFromPemFile(path);
            if (certificates.Count == 0)
            {
                failures.Add($"{key}: '{path}' holds no PEM certificate.");
            }
        }
        catch (Exception ex) when (ex is System.Security.Cryptography.CryptographicException or IOException or UnauthorizedAccessException)
        {
            failures.Add($"{key}: '{path}' could not be read as PEM certificates ({ex.Message}).");
        }
    }

    private static void RequirePositive(TimeSpan value, string key, List<string> failures)
    {
        if (value <= TimeSpan.Zero)
        {
            failures.Add($"{key}: must be greater than zero.");
        }
    }
}
