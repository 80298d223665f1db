namespace EgressSpecs.Dns.Rewrite;

/// <summary>Name handling shared by the rule engine, the server and the resolver.</summary>
internal static class DnsNames
{
    /// <summary>
    /// CoreDNS's <c>plugin.Name(s).Normalize()</c> and <c>request.Name()</c>: lowercased and fully
    /// qualified. Rules always match against this form, so case and a missing trailing dot never matter.
    /// </summary>
    public static string Normalize(string name)
    {
        var lower = name.ToLowerInvariant();
        return lower.EndsWith('.') ? lower : lower + ".";
    }

    /// <summary>Compares two names the way resolvers do: ASCII case-insensitive, trailing dot optional.</summary>
    public static bool AreSame(string left, string right) =>
        string.Equals(Normalize(left), Normalize(right), StringComparison.Ordinal);

    /// <summary>
    /// The checks that make CoreDNS answer SERVFAIL for a rewritten name (<c>dns.IsDomainName</c>):
    /// no empty label, labels of at most 63 octets, at most 255 octets in wire form.
    /// </summary>
    public static bool IsDomainName(string name)
    {
        if (name == ".")
        {
            return true;
        }

        var withoutRoot = name.EndsWith('.') ? name[..^1] : name;
        if (withoutRoot.Length == 0)
        {
            return false;
        }

        var labels = withoutRoot.Split('.');
        var wireLength = 1;
        foreach (var label in labels)
        {
            if (label.Length is 0 or > 63)
            {
                return false;
            }

            wireLength += label.Length + 1;
        }

        return wireLength <= 255;
    }
}
