using EgressSpecs.Dns.Rewrite;

namespace EgressSpecs.Dns.Tests.Rewrite;

/// <summary>Go RE2 syntax as CoreDNS's regexp.Compile reads it (golang/go src/regexp/syntax), run by .NET.</summary>
public sealed class GoRegexTests
{
    [Theory]
    [InlineData(@"^\d+$", "123", true)]
    [InlineData(@"^\d+$", "\u0663", false)] // ARABIC-INDIC DIGIT THREE: \d is ASCII-only in Go
    [InlineData(@"^\w+$", "caf\u00e9", false)]
    [InlineData(@"^\s$", "\v", false)] // Go's \s is [\t\n\f\r ], without \v
    [InlineData(@"^[[:alnum:]]+$", "abc123", true)]
    [InlineData(@"^[[:^digit:]]+$", "abc", true)]
    [InlineData(@"^[[:punct:]]$", "-", true)]
    [InlineData(@"^\141$", "a", true)] // octal escape
    [InlineData(@"^\x{41}\x42$", "AB", true)]
    [InlineData(@"a$", "a\n", false)] // $ without (?m) is the end of the text
    [InlineData(@"(?m)a$", "a\nb", true)]
    [InlineData(@"^.$", "\n", false)]
    [InlineData(@"(?s)^.$", "\n", true)]
    [InlineData(@"(?i)^EGRESS$", "egress", true)]
    [InlineData(@"^\pL+$", "abc", true)]
    [InlineData(@"^[\d-]+$", "1-2", true)]
    [InlineData(@"^[]a]+$", "]a", true)]
    [InlineData(@"\bfoo\b", "a.foo.b", true)]
    [InlineData(@"^\Qa.b\E$", "a.b", true)]
    [InlineData(@"^\Qa.b\E$", "axb", false)]
    [InlineData(@"^a{2,3}$", "aaa", true)]
    [InlineData(@"^a{,3}$", "a{,3}", true)] // not a repeat: literal braces
    [InlineData(@"^a(?i)*B$", "aab", true)] // the flag after the repeated atom still applies to what follows
    [InlineData(@"^(?:^)*a$", "a", true)] // an anchor may be repeated in Go
    public void Compile_GoSyntax_MatchesAsGoDoes(string pattern, string input, bool matches)
    {
        // Given
        var regex = GoRegex.Compile(pattern);

        // When
        var result = regex.Substitute(input, "x");

        // Then
        Assert.Equal(matches, result is not null);
    }

    [Theory]
    [InlineData(@"a\Z")]
    [InlineData(@"(?>a)")]
    [InlineData(@"(?=a)")]
    [InlineData(@"(?<=a)b")]
    [InlineData(@"(a)\1")]
    [InlineData(@"\8")]
    [InlineData(@"a**")]
    [InlineData(@"a{1001}")]
    [InlineData(@"(a{100}){11}")]
    [InlineData(@"*a")]
    [InlineData(@"(a")]
    [InlineData(@"a)")]
    [InlineData(@"[a")]
    [InlineData(@"[z-a]")]
    [InlineData(@"[[:nope:]]")]
    [InlineData(@"\p{Greek}")]
    [InlineData(@"(?P<n>a)(?P<n>b)")]
    [InlineData(@"(?P<a-b>x)")]
    [InlineData(@"\C")]
    [InlineData(@"(?x)a")]
    public void Compile_SyntaxGoRefuses_IsRefused(string pattern)
    {
        // When
        var exception = Assert.Throws<ArgumentException>(() => GoRegex.Compile(pattern));

        // Then
        Assert.StartsWith("invalid regex matching pattern: ", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Substitute_NamedAndUnnamedGroups_AreNumberedByOpeningParenthesisAsInGo()
    {
        // Given: .NET would number (b) as 1 and the named group as 2.
        var regex = GoRegex.Compile(@"^(?P<first>a)(b)(?<third>c)$");

        // When
        var result = regex.Substitute("abc", "{3}{2}{1}");

        // Then
        Assert.Equal(3, regex.GroupCount);
        Assert.Equal("cba", result);
    }

    [Fact]
    public void Substitute_UngreedyFlag_SwapsGreedyAndLazy()
    {
        // Given
        var regex = GoRegex.Compile(@"(?U)^(a+)(a*)$");

        // When
        var result = regex.Substitute("aaa", "{1}-{2}");

        // Then
        Assert.Equal("a-aa", result);
    }

    [Fact]
    public void Compile_PatternLongerThan10000Characters_IsAcceptedAsCoreDns113Does()
    {
        // Given: CoreDNS 1.14.0 added a 10,000-character limit; 1.13.1 (k3s v1.34.2) has none.
        var pattern = new string('a', 10_001);

        // When
        var regex = GoRegex.Compile(pattern);

        // Then
        Assert.Equal(0, regex.GroupCount);
    }
}
