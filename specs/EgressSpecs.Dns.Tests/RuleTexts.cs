namespace EgressSpecs.Dns.Tests;

/// <summary>The rule texts the tests load: the proof of concept's line and the fixed rule in its ConfigMap.</summary>
internal static class RuleTexts
{
    /// <summary>Quoted from the proof of concept's README, unchanged.</summary>
    public const string SeedRule = @"rewrite name regex (.*)\.egress.local proxy.egress.svc.cluster.local";

    /// <summary>The fixed rule: anchored, escaped, stop, fully qualified target, answer auto.</summary>
    public const string FixedRule = @"rewrite stop name regex ^(.+)\.egress\.local\.$ proxy.egress.svc.cluster.local. answer auto";

    /// <summary>The fixed rule as k3s's coredns-custom ConfigMap carries it (line 7 holds the rule).</summary>
    public const string FixedConfigMap = """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: coredns-custom
          namespace: kube-system
        data:
          egress.override: |
            # FOO.egress.local -> the egress proxy, owner name mapped back to the question
            rewrite stop name regex ^(.+)\.egress\.local\.$ proxy.egress.svc.cluster.local. answer auto
        """;

    public const string ProxyName = "proxy.egress.svc.cluster.local.";
}
