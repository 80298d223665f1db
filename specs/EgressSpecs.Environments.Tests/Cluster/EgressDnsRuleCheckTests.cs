using EgressSpecs.Environments.Cluster;

namespace EgressSpecs.Environments.Tests.Cluster;

public sealed class EgressDnsRuleCheckTests
{
    private const string ShippedRule = @"rewrite stop name regex ^(.+)\.egress\.local\.$ proxy.egress.svc.cluster.local. answer auto";
    private const string SeedRule = @"rewrite name regex (.*)\.egress.local proxy.egress.svc.cluster.local";

    [Fact]
    public void Problem_ShippedRuleInAnOverrideKey_IsNone()
    {
        // Given
        var custom = new Dictionary<string, string> { ["egress.override"] = ShippedRule + "\n" };

        // When
        var problem = EgressDnsRuleCheck.Problem(custom, corefile: null);

        // Then
        Assert.Null(problem);
    }

    [Fact]
    public void Problem_ProofOfConceptRule_SaysTheAnswerIsNotMappedBack()
    {
        // Given
        var custom = new Dictionary<string, string> { ["egress.override"] = SeedRule + "\n" };

        // When
        var problem = EgressDnsRuleCheck.Problem(custom, corefile: null);

        // Then
        Assert.Contains("answer auto", problem);
        Assert.Contains("glibc", problem);
    }

    [Fact]
    public void Problem_RuleInAServerKey_SaysOnlyOverrideKeysWork()
    {
        // Given
        var custom = new Dictionary<string, string> { ["egress.server"] = ShippedRule + "\n" };

        // When
        var problem = EgressDnsRuleCheck.Problem(custom, corefile: null);

        // Then
        Assert.Contains("egress.server", problem);
        Assert.Contains("*.override", problem);
    }

    [Fact]
    public void Problem_RuleInTheCorefile_IsNone()
    {
        // Given
        var corefile = ".:53 {\n    errors\n    " + ShippedRule + "\n    kubernetes cluster.local in-addr.arpa ip6.arpa\n    forward . /etc/resolv.conf\n}\n";

        // When
        var problem = EgressDnsRuleCheck.Problem(corednsCustom: null, corefile);

        // Then
        Assert.Null(problem);
    }

    [Fact]
    public void Problem_NoRuleAnywhere_SaysWhereItLooked()
    {
        // Given
        var custom = new Dictionary<string, string> { ["other.override"] = "rewrite name exact a.test. b.test.\n" };

        // When
        var problem = EgressDnsRuleCheck.Problem(custom, corefile: null);

        // Then
        Assert.Contains("no egress DNS rule", problem);
        Assert.Contains("kube-system/coredns-custom", problem);
    }

    [Fact]
    public void Problem_UnanchoredRuleWithAnswerAuto_SaysLookAlikesAreRewritten()
    {
        // Given
        var custom = new Dictionary<string, string>
        {
            ["egress.override"] = @"rewrite stop name regex (.*)\.egress.local\.$ proxy.egress.svc.cluster.local. answer auto" + "\n",
        };

        // When
        var problem = EgressDnsRuleCheck.Problem(custom, corefile: null);

        // Then
        Assert.Contains("look-alike", problem);
    }
}
