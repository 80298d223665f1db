using System.Text.RegularExpressions;

namespace EgressSpecs.Dns.Rewrite;

/// <summary>
/// Compiles a CoreDNS (Go RE2) pattern with .NET and substitutes <c>{N}</c> groups the way
/// plugin/rewrite does. RE2 has no backreferences or lookaround, so patterns using them are
/// refused here as CoreDNS refuses them at startup.
/// </summary>
internal static partial class GoRegex
{
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(1);

    public static Regex Compile(string pattern)
    {
        if (UnsupportedByRe2().IsMatch(pattern))
        {
            throw new ArgumentException($"invalid regex matching pattern: {pattern} (RE2 has no backreferences or lookaround)");
        }

        // RE2 spells named groups (?P<name>...); .NET spells them (?<name>...).
        var dotNetPattern = pattern.Replace("(?P<", "(?<", StringComparison.Ordinal);
        try
        {
            return new Regex(dotNetPattern, RegexOptions.CultureInvariant, MatchTimeout);
        }
        catch (ArgumentException exception)
        {
            throw new ArgumentException($"invalid regex matching pattern: {pattern}", exception);
        }
    }

    /// <summary>CoreDNS's getSubExprUsage: how many of {0}..{100} the replacement uses.</summary>
    public static int SubExpressionsUsed(string replacement) =>
        Enumerable.Range(0, 101).Count(i => replacement.Contains("{" + i + "}", StringComparison.Ordinal));

    /// <summary>
    /// CoreDNS's isValidRegexPattern: the pattern compiles and the replacement uses no more groups
    /// than the pattern has.
    /// </summary>
    public static Regex CompileFor(string pattern, string replacement)
    {
        var regex = Compile(pattern);
        var groups = regex.GetGroupNumbers().Length - 1;
        if (SubExpressionsUsed(replacement) > groups)
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
    public static string? Substitute(Regex regex, string input, string replacement)
    {
        var match = regex.Match(input);
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

    [GeneratedRegex(@"\(\?<?[=!]|\\[1-9]|\\k<")]
    private static partial Regex UnsupportedByRe2();
}
