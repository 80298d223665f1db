using EgressSpecs.Dns.Rewrite;

namespace EgressSpecs.Dns.Tests.Rewrite;

/// <summary>Corefile text read as CoreDNS's Caddyfile lexer reads it (coredns/caddy caddyfile/lexer.go).</summary>
public sealed class CorefileTokenTests
{
    [Fact]
    public void Parse_HashInsideAToken_EndsTheTokenThere()
    {
        // Given: "answer#auto" is the token "answer" followed by a comment up to the next white space.
        var text = "rewrite name regex ^(.+)\\.egress\\.local\\.$ proxy.egress.svc.cluster.local. answer#comment auto\n";

        // When
        var rule = Assert.Single(RewriteRuleSet.Parse(text).Rules);

        // Then
        Assert.True(rule.AnswerAuto);
    }

    [Fact]
    public void Parse_HashAtTheStartOfAToken_CommentsOutTheRestOfTheLine()
    {
        // Given
        var text = "rewrite name regex ^(.+)\\.egress\\.local\\.$ proxy.egress.svc.cluster.local. #answer auto\n";

        // When
        var rule = Assert.Single(RewriteRuleSet.Parse(text).Rules);

        // Then
        Assert.False(rule.AnswerAuto);
    }

    [Fact]
    public void Parse_QuotedTokenSpanningLines_KeepsTheRestOfItsLastLineAsArguments()
    {
        // Given: the quoted replacement holds a line break; "answer auto" after it is on the same logical line.
        var text = "rewrite name regex \"^(.+)\\.egress\\.local\\.$\" \"proxy.egress.svc.cluster.local.\n\" answer auto\nrewrite name a.example b.example\n";

        // When
        var rules = RewriteRuleSet.Parse(text).Rules;

        // Then
        Assert.Equal(2, rules.Count);
        Assert.True(rules[0].AnswerAuto);
        Assert.Equal("proxy.egress.svc.cluster.local.\n.", rules[0].To);
        Assert.Equal(3, rules[1].LineNumber);
    }

    [Fact]
    public void Parse_QuotedTokenFollowedByText_SplitsAtTheClosingQuote()
    {
        // Given: the lexer ends a quoted token at its closing quote.
        var text = "rewrite name \"a.example\"b.example\n";

        // When
        var rule = Assert.Single(RewriteRuleSet.Parse(text).Rules);

        // Then
        Assert.Equal("a.example.", rule.From);
        Assert.Equal("b.example.", rule.To);
    }

    [Fact]
    public void Parse_UnterminatedQuote_IsRefusedNamingTheLine()
    {
        // Given
        var text = "# header\nrewrite name \"a.example b.example\n";

        // When
        var exception = Assert.Throws<RewriteRuleFormatException>(() => RewriteRuleSet.Parse(text));

        // Then
        Assert.Equal(2, exception.LineNumber);
        Assert.Contains("unterminated quoted token", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_RewriteInsideAnotherPluginsBlock_IsNotARule()
    {
        // Given
        var text = ".:53 {\n    template IN A example {\n        rewrite name a.example b.example\n    }\n    rewrite name c.example d.example\n}\n";

        // When
        var rule = Assert.Single(RewriteRuleSet.Parse(text).Rules);

        // Then
        Assert.Equal("c.example.", rule.From);
    }

    [Theory]
    [InlineData("rewrite class CH IN", "class")]
    [InlineData("rewrite ttl example.com. 10", "ttl")]
    [InlineData("rewrite cname exact a.example. b.example.", "cname")]
    [InlineData("rewrite rcode exact a.example. SERVFAIL NXDOMAIN", "rcode")]
    [InlineData("rewrite continue type ANY HINFO", "type")]
    public void Parse_RuleTypeTheModelDoesNotImplement_IsRefusedNamingTheType(string directive, string type)
    {
        // When
        var exception = Assert.Throws<RewriteRuleFormatException>(() => RewriteRuleSet.Parse(directive));

        // Then
        Assert.Contains($"unsupported rule type \"{type}\"", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_BytesThatAreNotUtf8_AreRefusedNamingTheLine()
    {
        // Given
        var bytes = System.Text.Encoding.Latin1.GetBytes("rewrite name a.example b.example\nrewrite name regex \u00ecx y\n");

        // When
        var exception = Assert.Throws<RewriteRuleFormatException>(() => RewriteRuleSet.Parse(bytes, "Corefile"));

        // Then
        Assert.Equal(2, exception.LineNumber);
        Assert.Contains("not valid UTF-8", exception.Message, StringComparison.Ordinal);
    }
}
