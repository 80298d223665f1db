namespace EgressSpecs.Proxy.Policy;

/// <summary>A configured host pattern: an exact name, <c>*.parent</c> (any name below parent) or <c>*</c>.</summary>
internal readonly record struct HostPattern(HostPatternKind Kind, string Name)
{
    public static readonly HostPattern Any = new(HostPatternKind.Any, "");

    /// <summary>Parses a pattern; the name part is lower-cased and must be a valid DNS name that is not an IP literal.</summary>
    public static bool TryParse(string? text, out HostPattern pattern)
    {
        pattern = default;
        var value = text?.Trim().TrimEnd('.');
        if (string.IsNullOrEmpty(value))
        {
            return false;
        }

        if (value == "*")
        {
            pattern = Any;
            return true;
        }

        var kind = HostPatternKind.Exact;
        if (value.StartsWith("*.", StringComparison.Ordinal))
        {
            kind = HostPatternKind.Below;
            value = value[2..];
        }

        if (!DnsName.IsValid(value) || IpLiteral.IsLiteral(value))
        {
            return false;
        }

        pattern = new HostPattern(kind, value.ToLowerInvariant());
        return true;
    }

    public bool Matches(ReadOnlySpan<char> name) => Kind switch
    {
        HostPatternKind.Any => true,
        HostPatternKind.Exact => name.Equals(Name, StringComparison.OrdinalIgnoreCase),
        _ => DnsName.IsBelow(name, Name),
    };
}

internal enum HostPatternKind
{
    Exact,
    Below,
    Any,
}
