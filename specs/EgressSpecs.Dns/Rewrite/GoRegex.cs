using System.Text.RegularExpressions;

namespace EgressSpecs.Dns.Rewrite;

/// <summary>
/// A CoreDNS (Go RE2) pattern, translated by <see cref="GoRegexTranslator"/> and run by .NET, with
/// <c>{N}</c> substitution as plugin/rewrite does it.
/// </summary>
/// <remarks>
/// No length limit: CoreDNS 1.14.0 (coredns/coredns#7802) refuses patterns longer than 10,000
/// characters, but the CoreDNS that k3s v1.34.2 bundles (1.13.1) does not, and this model is held to 1.13.1.
/// </remarks>
internal sealed class GoRegex
{
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(1);

    private readonly Regex _regex;

    private GoRegex(string pattern, Regex regex, int groupCount)
    {
        Pattern = pattern;
        _regex = regex;
        GroupCount = groupCount;
    }

    /// <summary>The pattern as written in the rule.</summary>
    public string Pattern { get; }

    /// <summary>Go's <c>NumSubexp</c>: capturing groups, named or not.</summary>
    public int GroupCount { get; }

    /// <summary>regexp.Compile; throws <see cref="ArgumentException"/> with CoreDNS's message when Go would refuse the pattern.</summary>
    public static GoRegex Compile(string pattern)
    {
        try
        {
            var (dotNetPattern, groupCount) = GoRegexTranslator.Translate(pattern);
            return new GoRegex(pattern, new Regex(dotNetPattern, RegexOptions.CultureInvariant, MatchTimeout), groupCount);
        }
        catch (FormatException exception)
        {
            // name.go isValidRegexPattern: "invalid regex matching pattern: %s".
            throw new ArgumentException($"invalid regex matching pattern: {pattern} ({exception.Message})", exception);
        }
    }

    /// <summary>CoreDNS's getSubExprUsage: how many of {0}..{100} the replacement uses.</summary>
    public static int SubExpressionsUsed(string replacement) =>
        Enumerable.Range(0, 101).Count(i => replacement.Contains("{" + i + "}", StringComparison.Ordinal));

    /// <summary>
    /// CoreDNS's isValidRegexPattern: the pattern compiles and the replacement uses no more groups
    /// than the pattern has.
    /// </summary>
    public static GoRegex CompileFor(string pattern, string replacement)
    {
        var regex = Compile(pattern);
        if (SubExpressionsUsed(replacement) > regex.GroupCount)
        {
            throw new ArgumentException(
                $"the rewrite regex pattern ({replacement}) uses more subexpressions than its corresponding matching regex pattern ({pattern})");
        }

        return regex;
    }

    /// <summary>
    /// FindStringSubmatch (leftmost match, unanchored) then replace every <c>{i}</c> in order,
    /// exactly like regexNameRule.Rewrite. Returns null when the pattern does not match.
    /// </summary>
    public string? Substitute(string input, string replacement)
    {
        var match = _regex.Match(input);
        if (!match.Success)
        {
            return null;
        }

        var result = replacement;
        for (var i = 0; i < match.Groups.Count; i++)
        {
            result = result.Replace("{" + i + "}", match.Groups[i].Value, StringComparison.Ordinal);
        }

        return result;
    }
}
