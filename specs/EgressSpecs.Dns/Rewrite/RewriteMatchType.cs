namespace EgressSpecs.Dns.Rewrite;

/// <summary>How a <c>rewrite name</c> rule matches the question name (CoreDNS plugin/rewrite name.go).</summary>
public enum RewriteMatchType
{
    /// <summary>The whole name equals FROM; the default when no type is given.</summary>
    Exact,

    /// <summary>The name starts with FROM.</summary>
    Prefix,

    /// <summary>The name ends with FROM.</summary>
    Suffix,

    /// <summary>The name contains FROM; every occurrence is replaced.</summary>
    Substring,

    /// <summary>FROM is a Go RE2 pattern searched (unanchored) in the name; TO may use <c>{N}</c> groups.</summary>
    Regex,
}
