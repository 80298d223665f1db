using EgressSpecs.Dns.Rewrite;

namespace EgressSpecs.Dns.Tests.Rewrite;

public sealed class RewriteRuleSetParseTests
{
    [Fact]
    public void Parse_SeedRuleLine_GivesStopRegexRuleWithFullyQualifiedTargetAndNoAnswerRewrite()
    {
        // Given
        var text = RuleTexts.SeedRule;

        // When
        var rule = Assert.Single(RewriteRuleSet.Parse(text).Rules);

        // Then
        Assert.Equal(RewriteMode.Stop, rule.Mode);
        Assert.Equal(RewriteMatchType.Regex, rule.MatchType);
        Assert.Equal(@"(.*)\.egress.local", rule.From);
        Assert.Equal(RuleTexts.ProxyName, rule.To);
        Assert.False(rule.AnswerAuto);
        Assert.Empty(rule.AnswerRewrites);
        Assert.False(rule.RevertsAnswerName);
        Assert.Equal(1, rule.LineNumber);
    }

    [Fact]
    public void Parse_FixedRuleLine_GivesAnchoredRuleWithAnswerAuto()
    {
        // Given
        var text = RuleTexts.FixedRule;

        // When
        var rule = Assert.Single(RewriteRuleSet.Parse(text).Rules);

        // Then
        Assert.Equal(RewriteMode.Stop, rule.Mode);
        Assert.Equal(@"^(.+)\.egress\.local\.$", rule.From);
        Assert.Equal(RuleTexts.ProxyName, rule.To);
        Assert.True(rule.AnswerAuto);
        Assert.True(rule.RevertsAnswerName);
    }

    [Fact]
    public void Parse_ConfigMapManifest_TakesRuleFromDataValueWithFileLineNumber()
    {
        // Given
        var text = RuleTexts.FixedConfigMap;

        // When
        var rules = RewriteRuleSet.Parse(text, "coredns-custom.yml");

        // Then
        var rule = Assert.Single(rules.Rules);
        Assert.True(rule.AnswerAuto);
        Assert.Equal(9, rule.LineNumber);
        Assert.Equal("coredns-custom.yml", rules.Source);
    }

    [Fact]
    public void Parse_FullCorefileWithOtherPluginsAndBlocks_FindsOnlyTheRewrite()
    {
        // Given
        var text = """
            .:53 {
                errors
                health {
                   lameduck 5s
                }
                rewrite name regex (.*)\.egress.local proxy.egress.svc.cluster.local
                kubernetes cluster.local in-addr.arpa ip6.arpa {
                   pods insecure
                   fallthrough in-addr.arpa ip6.arpa
                }
                forward . /etc/resolv.conf
            }
            """;

        // When
        var rule = Assert.Single(RewriteRuleSet.Parse(text).Rules);

        // Then
        Assert.Equal(6, rule.LineNumber);
        Assert.Equal(RewriteMatchType.Regex, rule.MatchType);
    }

    [Fact]
    public void Parse_BlockForm_JoinsNameAndAnswerLinesIntoOneRule()
    {
        // Given
        var text = """
            rewrite stop {
                name regex (.*)-(us-west-1)\.coredns\.rocks {1}.service.{2}.consul
                answer name (.*)\.service\.(us-west-1)\.consul {1}-{2}.coredns.rocks
            }
            """;

        // When
        var rule = Assert.Single(RewriteRuleSet.Parse(text).Rules);

        // Then
        var answer = Assert.Single(rule.AnswerRewrites);
        Assert.Equal(AnswerField.Name, answer.Field);
        Assert.Equal("{1}-{2}.coredns.rocks.", answer.Replacement);
        Assert.Equal(1, rule.LineNumber);
    }

    [Fact]
    public void Parse_TwoWordExactRule_DefaultsToExactWithAutomaticRevert()
    {
        // Given
        var text = "rewrite name Example.NET example.org";

        // When
        var rule = Assert.Single(RewriteRuleSet.Parse(text).Rules);

        // Then
        Assert.Equal(RewriteMatchType.Exact, rule.MatchType);
        Assert.Equal("example.net.", rule.From);
        Assert.Equal("example.org.", rule.To);
        Assert.True(rule.AnswerAuto);
    }

    [Theory]
    [InlineData("rewrite type ANY HINFO", "unsupported rule type \"type\"")]
    [InlineData("rewrite edns0 local set 0xffee abcd", "unsupported rule type \"edns0\"")]
    [InlineData("rewrite name", "too few arguments")]
    [InlineData("rewrite name fuzzy a b", "received: fuzzy")]
    [InlineData("rewrite name regex (.*\\.egress.local proxy.egress.svc.cluster.local", "invalid regex")]
    [InlineData("rewrite name regex (?=x).* proxy.egress.svc.cluster.local", "invalid regex")]
    [InlineData("rewrite name regex (.*)\\.egress\\.local {1}{2}.proxy", "more subexpressions")]
    [InlineData("rewrite name regex a b answer guess", "invalid type")]
    [InlineData("rewrite name regex a b answer auto answer name x y", "cannot be combined")]
    [InlineData("rewrite name regex a b extra more", "exceeded the number of arguments")]
    [InlineData("rewrite name regex a b extra", "invalid arguments")]
    [InlineData("rewrite answer name a b", "must begin with a name rule")]
    [InlineData("rewrite bogus a b", "invalid rule type")]
    public void Parse_UnsupportedOrInvalidDirective_ThrowsNamingTheLine(string directive, string reason)
    {
        // Given
        var text = "# header comment\n" + directive + "\n";

        // When
        var exception = Assert.Throws<RewriteRuleFormatException>(() => RewriteRuleSet.Parse(text, "Corefile"));

        // Then
        Assert.Equal(2, exception.LineNumber);
        Assert.Equal(directive, exception.LineText);
        Assert.Contains(reason, exception.Message, StringComparison.Ordinal);
        Assert.StartsWith("Corefile, line 2:", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ConfigMapWithInvalidRule_NamesTheFileLine()
    {
        // Given
        var text = RuleTexts.FixedConfigMap.Replace("rewrite stop name regex", "rewrite stop name fuzzy", StringComparison.Ordinal);

        // When
        var exception = Assert.Throws<RewriteRuleFormatException>(() => RewriteRuleSet.Parse(text, "coredns-custom.yml"));

        // Then
        Assert.Equal(9, exception.LineNumber);
    }

    [Fact]
    public void Parse_TextWithoutRewrite_Throws()
    {
        // Given
        var text = ".:53 {\n    forward . /etc/resolv.conf\n}\n";

        // When
        var exception = Assert.Throws<RewriteRuleFormatException>(() => RewriteRuleSet.Parse(text));

        // Then
        Assert.Contains("no rewrite directive", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnclosedRewriteBlock_ThrowsNamingTheBlockLine()
    {
        // Given
        var text = "\nrewrite stop {\n    name regex a b answer auto\n";

        // When
        var exception = Assert.Throws<RewriteRuleFormatException>(() => RewriteRuleSet.Parse(text));

        // Then
        Assert.Equal(2, exception.LineNumber);
    }

    [Fact]
    public void Load_FileOnDisk_ReadsItAndNamesItAsSource()
    {
        // Given
        var path = Path.Combine(Path.GetTempPath(), $"corefile-{Guid.NewGuid():N}");
        File.WriteAllText(path, RuleTexts.FixedRule + "\n");
        try
        {
            // When
            var rules = RewriteRuleSet.Load(path);

            // Then
            Assert.Equal(path, rules.Source);
            Assert.Single(rules.Rules);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
