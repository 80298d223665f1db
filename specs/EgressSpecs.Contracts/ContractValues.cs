using System.Globalization;
using System.Text.RegularExpressions;

namespace EgressSpecs.Contracts;

/// <summary>
/// The checks on each value of a contract file. Each returns the value as the contract keeps it, or throws
/// <see cref="ContractValueException"/> with the problem in words (the reader adds the file, line and field).
/// </summary>
internal static partial class ContractValues
{
    /// <summary>The suffix apps append to a destination; a contract names the destination itself.</summary>
    public const string EgressSuffix = ".egress.local";

    /// <summary>A DNS name: labels of 1-63 letters, digits and inner hyphens, 253 characters at most; kept lowercase.</summary>
    public static string Host(string value)
    {
        var host = value.ToLowerInvariant();
        if (host.EndsWith(EgressSuffix, StringComparison.Ordinal) && host.Length > EgressSuffix.Length)
        {
            throw new ContractValueException(
                $"'{value}' is an egress name: write the destination's own name ('{value[..^EgressSuffix.Length]}'); the run adds {EgressSuffix}");
        }

        if (host.Length > 253 || !DnsName().IsMatch(host))
        {
            throw new ContractValueException(
                $"'{value}' is not a DNS name (dot-separated labels of 1-63 letters, digits and inner hyphens, 253 characters at most, no trailing dot)");
        }

        return host;
    }

    /// <summary>A path with an optional query, as a URL carries it: starts with '/', only characters RFC 3986 allows there.</summary>
    public static string PathAndQuery(string value)
    {
        if (!value.StartsWith('/'))
        {
            throw new ContractValueException($"'{value}' does not start with '/'");
        }

        if (value.FirstOrDefault(c => !IsPathCharacter(c)) is var bad and not '\0')
        {
            throw new ContractValueException(
                $"'{value}' holds a character a URL path cannot: {(char.IsControl(bad) || char.IsWhiteSpace(bad) ? $"U+{(int)bad:X4}" : $"'{bad}'")} (percent-encode it)");
        }

        if (InvalidPercentEscape().IsMatch(value))
        {
            throw new ContractValueException($"'{value}' has a '%' not followed by two hexadecimal digits");
        }

        return value;
    }

    /// <summary>An HTTP status code, 100 to 599.</summary>
    public static int Status(string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var status) && status is >= 100 and <= 599
            ? status
            : throw new ContractValueException($"'{value}' is not an HTTP status (a whole number from 100 to 599)");

    /// <summary>A refusal's reason code, as the proxy writes it (<c>not_allowed</c>): lowercase letters, digits, underscores.</summary>
    public static string Reason(string value) =>
        ReasonCode().IsMatch(value)
            ? value
            : throw new ContractValueException($"'{value}' is not a reason code (lowercase letters, digits and underscores, as the proxy's not_allowed)");

    /// <summary>An absolute http:// or https:// URL with a host.</summary>
    public static Uri Url(string value)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https") || url.Host.Length == 0
            || value.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            throw new ContractValueException($"'{value}' is not an absolute http:// or https:// URL");
        }

        if (url.HostNameType == UriHostNameType.Dns)
        {
            Host(url.Host);
        }

        return url;
    }

    // RFC 3986: pchar = unreserved / pct-encoded / sub-delims / ":" / "@"; a path adds "/", a query "/" and "?".
    private static bool IsPathCharacter(char c) =>
        char.IsAsciiLetterOrDigit(c) || "-._~!$&'()*+,;=:@/?%".Contains(c, StringComparison.Ordinal);

    [GeneratedRegex(@"^(?!-)[a-z0-9-]{1,63}(?<!-)(\.(?!-)[a-z0-9-]{1,63}(?<!-))*$", RegexOptions.CultureInvariant)]
    private static partial Regex DnsName();

    [GeneratedRegex(@"%(?![0-9A-Fa-f]{2})", RegexOptions.CultureInvariant)]
    private static partial Regex InvalidPercentEscape();

    [GeneratedRegex(@"^[a-z][a-z0-9_]*$", RegexOptions.CultureInvariant)]
    private static partial Regex ReasonCode();
}

/// <summary>A value that fails its check; the reader turns it into a <see cref="ContractException"/> with the line and field.</summary>
internal sealed class ContractValueException(string problem) : Exception(problem);
