using EgressSpecs.Dns.Rewrite;

namespace EgressSpecs.Dns.Tests.Rewrite;

public sealed class RewriteSemanticsTests
{
    /// <summary>Question, whether the rule rewrites it, and the owner name a client sees for the answer.</summary>
    public static TheoryData<string, string, bool, string> Cases => new()
    {
        // The fixed rule: anchored, escaped, answer auto.
        { RuleTexts.FixedRule, "api.github.com.egress.local.", true, "api.github.com.egress.local." },
        { RuleTexts.FixedRule, "api.github.com.egress.local", true, "api.github.com.egress.local." },
        { RuleTexts.FixedRule, "API.GitHub.com.Egress.Local.", true, "api.github.com.egress.local." },
        { RuleTexts.FixedRule, "x.egressXlocal.evil.", false, "x.egressxlocal.evil." },
        { RuleTexts.FixedRule, "foo.egress.local.evil.", false, "foo.egress.local.evil." },
        { RuleTexts.FixedRule, "egress.local.", false, "egress.local." },
        { RuleTexts.FixedRule, "api.github.com.", false, "api.github.com." },

        // The proof of concept's rule: unanchored, unescaped, no answer clause (defects 1 and 2).
        { RuleTexts.SeedRule, "api.github.com.egress.local.", true, RuleTexts.ProxyName },
        { RuleTexts.SeedRule, "API.GitHub.com.Egress.Local", true, RuleTexts.ProxyName },
        { RuleTexts.SeedRule, "x.egressXlocal.evil.", true, RuleTexts.ProxyName },
        { RuleTexts.SeedRule, "foo.egress.local.evil.", true, RuleTexts.ProxyName },
        { RuleTexts.SeedRule, "api.github.com.", false, "api.github.com." },

        // Exact rules are always reverted; suffix with answer auto reverts by swapping the suffixes.
        { "rewrite name exact red.example. blue.example.", "RED.example.", true, "red.example." },
        { "rewrite name suffix .egress.local. .egress.svc.cluster.local. answer auto", "proxy.egress.local.", true, "proxy.egress.local." },
        { "rewrite name suffix .egress.local. .egress.svc.cluster.local.", "proxy.egress.local.", true, "proxy.egress.svc.cluster.local." },
        { "rewrite name prefix api. www. answer auto", "api.example.", true, "api.example." },
        { "rewrite name substring egress.local egress.svc.cluster.local", "a.egress.local.", true, "a.egress.svc.cluster.local." },
        { @"rewrite name regex (.*)\.egress\.local\. {1}.proxy. answer name (.*)\.proxy\. {1}.egress.local.", "a.egress.local.", true, "a.egress.local." },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Rewrite_Question_MatchesAndRevertsOwnerLikeCoreDns(string ruleText, string question, bool rewritten, string ownerSeen)
    {
        // Given
        var rules = RewriteRuleSet.Parse(ruleText);

        // When
        var outcome = rules.Rewrite(question);
        var owner = outcome.RevertOwnerName(DnsNamesForTests.Fqdn(outcome.RewrittenName));

        // Then
        Assert.Equal(rewritten, outcome.IsRewritten);
        Assert.Equal(ownerSeen, owner);
    }

    [Theory]
    [InlineData("api.github.com.egress.local.")]
    [InlineData("API.GITHUB.COM.EGRESS.LOCAL")]
    public void Rewrite_FixedRule_SendsProxyNameToNextPlugin(string question)
    {
        // Given
        var rules = RewriteRuleSet.Parse(RuleTexts.FixedRule);

        // When
        var outcome = rules.Rewrite(question);

        // Then
        Assert.Equal(RuleTexts.ProxyName, outcome.RewrittenName);
    }

    [Fact]
    public void Rewrite_RegexGroups_SubstituteIntoTarget()
    {
        // Given
        var rules = RewriteRuleSet.Parse(@"rewrite name regex (.*)-(us-west-1)\.example\.org {1}.service.{2}.consul");

        // When
        var outcome = rules.Rewrite("ftp-us-west-1.example.org.");

        // Then
        Assert.Equal("ftp.service.us-west-1.consul.", outcome.RewrittenName);
    }

    [Fact]
    public void Rewrite_StopRule_EndsTheWalk()
    {
        // Given
        var rules = RewriteRuleSet.Parse("""
            rewrite stop name exact a.example. b.example.
            rewrite name exact b.example. c.example.
            """);

        // When
        var outcome = rules.Rewrite("a.example.");

        // Then
        Assert.Equal("b.example.", outcome.RewrittenName);
        Assert.Single(outcome.MatchedRules);
    }

    [Fact]
    public void Rewrite_ContinueRule_NextRuleSeesRewrittenName()
    {
        // Given
        var rules = RewriteRuleSet.Parse("""
            rewrite continue name exact a.example. b.example.
            rewrite name exact b.example. c.example.
            """);

        // When
        var outcome = rules.Rewrite("a.example.");

        // Then
        Assert.Equal("c.example.", outcome.RewrittenName);
        Assert.Equal(2, outcome.MatchedRules.Count);
        // The reverter unwinds the chain last rule first (reverter.go), back to the question.
        Assert.Equal("a.example.", outcome.RevertOwnerName("c.example."));
    }

    [Fact]
    public void Rewrite_LoneContinueRuleWithoutAnswer_ClientSeesTheRewrittenQuestion()
    {
        // Given: no response rule, so rewrite.go lets the next plugin write straight to the client.
        var rules = RewriteRuleSet.Parse("rewrite continue name prefix api. www.");

        // When
        var outcome = rules.Rewrite("api.example.");

        // Then
        Assert.False(outcome.RestoresQuestion);
        Assert.Equal("www.example.", outcome.ResponseQuestionName);
    }

    [Theory]
    [InlineData("rewrite continue name prefix api. www. answer auto")]
    [InlineData("rewrite continue name exact api.example. www.example.")]
    [InlineData("rewrite stop name prefix api. www.")]
    public void Rewrite_ContinueRuleWithResponseRulesOrStopRule_ClientGetsItsQuestionBack(string ruleText)
    {
        // Given
        var rules = RewriteRuleSet.Parse(ruleText);

        // When
        var outcome = rules.Rewrite("API.example.");

        // Then
        Assert.True(outcome.RestoresQuestion);
        Assert.Equal("API.example.", outcome.ResponseQuestionName);
    }

    [Fact]
    public void RevertOwnerName_AutoRevertAndExplicitAnswerOnOneRule_ExplicitAnswerRunsFirst()
    {
        // Given: exact rules always revert automatically; the explicit answer rule comes after it in the
        // rule's response rules, so the reverter (last first) applies it before the automatic remap.
        var rules = RewriteRuleSet.Parse(@"rewrite name exact a.example. b.example. answer name ^c\.example\.$ b.example.");

        // When
        var outcome = rules.Rewrite("a.example.");

        // Then
        Assert.Equal("a.example.", outcome.RevertOwnerName("c.example."));
        Assert.Equal("a.example.", outcome.RevertOwnerName("b.example."));
    }

    [Fact]
    public void Rewrite_NoRuleMatches_LeavesNameAndOwnerAlone()
    {
        // Given
        var rules = RewriteRuleSet.Parse(RuleTexts.FixedRule);

        // When
        var outcome = rules.Rewrite("Kubernetes.Default.svc.cluster.local.");

        // Then
        Assert.False(outcome.IsRewritten);
        Assert.Equal("Kubernetes.Default.svc.cluster.local.", outcome.RewrittenName);
        Assert.Equal("kubernetes.default.svc.cluster.local.", outcome.RevertOwnerName("kubernetes.default.svc.cluster.local."));
    }

    [Fact]
    public void Rewrite_ResultIsNotADomainName_IsInvalidSoServerFails()
    {
        // Given
        var rules = RewriteRuleSet.Parse(@"rewrite name regex ^(.*)\.egress\.local\.$ {1}{1}{1}{1}.proxy.");
        var longLabel = new string('a', 30);

        // When
        var outcome = rules.Rewrite(longLabel + ".egress.local.");

        // Then
        Assert.True(outcome.IsInvalidName);
    }

    [Fact]
    public void RevertRecordValue_AnswerAuto_MapsCnameTargetBack()
    {
        // Given
        var rules = RewriteRuleSet.Parse(RuleTexts.FixedRule);

        // When
        var outcome = rules.Rewrite("api.github.com.egress.local.");

        // Then
        Assert.Equal("api.github.com.egress.local.", outcome.RevertRecordValue(RuleTexts.ProxyName));
        Assert.Equal("other.example.", outcome.RevertRecordValue("other.example."));
    }
}
