using EgressSpecs.Dns.Rewrite;
using k8s.Models;

namespace EgressSpecs.Infra.Tests;

public sealed class CorednsRuleTests
{
    private const string SeedRule = @"rewrite name regex (.*)\.egress.local proxy.egress.svc.cluster.local";

    private static string ProxyServiceName =>
        $"{EgressInstall.Service.Metadata.Name}.{EgressInstall.Service.Metadata.NamespaceProperty}.svc.cluster.local.";

    [Fact]
    public void RuleFile_IsK3sCorednsCustomWithOverrideKey()
    {
        // Given
        var configMap = InfraFiles.Single<V1ConfigMap>("coredns-custom.yml");

        // When
        var keys = configMap.Data.Keys;

        // Then
        Assert.Equal(("coredns-custom", "kube-system"), (configMap.Metadata.Name, configMap.Metadata.NamespaceProperty));
        Assert.Equal(["egress.override"], keys);
    }

    [Fact]
    public void RuleFile_ParsesAsOneAnchoredStopRuleWithAnswerAuto()
    {
        // Given
        var path = InfraFiles.PathOf("coredns-custom.yml");

        // When
        var rule = Assert.Single(RewriteRuleSet.Load(path).Rules);

        // Then
        Assert.Equal(RewriteMode.Stop, rule.Mode);
        Assert.Equal(RewriteMatchType.Regex, rule.MatchType);
        Assert.StartsWith("^", rule.From, StringComparison.Ordinal);
        Assert.EndsWith("$", rule.From, StringComparison.Ordinal);
        Assert.True(rule.AnswerAuto);
    }

    [Fact]
    public void RuleFile_RewritesToTheProxyServiceOfEgressYml()
    {
        // Given
        var rules = RewriteRuleSet.Load(InfraFiles.PathOf("coredns-custom.yml"));

        // When
        var outcome = rules.Rewrite("foo.egress.local.");

        // Then
        Assert.Equal(ProxyServiceName, outcome.RewrittenName);
    }

    [Fact]
    public void RuleFile_RestoresAnswerOwnerToTheQuestion()
    {
        // Given
        var rules = RewriteRuleSet.Load(InfraFiles.PathOf("coredns-custom.yml"));

        // When
        var outcome = rules.Rewrite("foo.egress.local.");

        // Then
        Assert.Equal("foo.egress.local.", outcome.RevertOwnerName(outcome.RewrittenName));
    }

    [Theory]
    [InlineData("x.egressXlocal.evil.com.")]
    [InlineData("foo.egress.local.evil.")]
    [InlineData("egress.local.")]
    public void RuleFile_LeavesLookAlikeNamesAlone(string lookAlike)
    {
        // Given
        var rules = RewriteRuleSet.Load(InfraFiles.PathOf("coredns-custom.yml"));

        // When
        var outcome = rules.Rewrite(lookAlike);

        // Then
        Assert.False(outcome.IsRewritten);
    }

    [Fact]
    public void SeedRule_DoesNotRestoreAnswerOwner()
    {
        // Given
        var rules = RewriteRuleSet.Parse(SeedRule);

        // When
        var outcome = rules.Rewrite("foo.egress.local.");

        // Then
        Assert.Equal(ProxyServiceName, outcome.RewrittenName);
        Assert.Equal(ProxyServiceName, outcome.RevertOwnerName(outcome.RewrittenName));
    }
}
