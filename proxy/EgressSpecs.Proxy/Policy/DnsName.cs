namespace EgressSpecs.Proxy.Policy;

/// <summary>Syntax of DNS host names (RFC 1123 letters, digits and hyphens).</summary>
internal static class DnsName
{
    public const int MaxLength = 253;
    private const int MaxLabelLength = 63;

    /// <summary>True when every label is 1-63 letters, digits or inner hyphens and the whole name fits in 253 characters.</summary>
    public static bool IsValid(ReadOnlySpan<char> name)
    {
        if (name.IsEmpty || name.Length > MaxLength)
        {
            return false;
        }

        foreach (var range in name.Split('.'))
        {
            var label = name[range];
            if (label.IsEmpty || label.Length > MaxLabelLength || label[0] == '-' || label[^1] == '-')
            {
                return false;
            }

            foreach (var c in label)
            {
                if (!char.IsAsciiLetterOrDigit(c) && c != '-')
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>True when <paramref name="name"/> is a strict subdomain of <paramref name="parent"/> (case-insensitive).</summary>
    public static bool IsBelow(ReadOnlySpan<char> name, ReadOnlySpan<char> parent) =>
        name.Length > parent.Length + 1
        && name[^(parent.Length + 1)] == '.'
        && name.EndsWith(parent, StringComparison.OrdinalIgnoreCase);

    /// <summary>True when <paramref name="name"/> is <paramref name="parent"/> or below it.</summary>
    public static bool IsAtOrBelow(ReadOnlySpan<char> name, ReadOnlySpan<char> parent) =>
        name.Equals(parent, StringComparison.OrdinalIgnoreCase) || IsBelow(name, parent);
}
