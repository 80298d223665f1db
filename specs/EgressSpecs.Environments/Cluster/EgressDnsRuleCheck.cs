using EgressSpecs.Dns.Rewrite;
using EgressSpecs.Environments.Kubernetes;

namespace EgressSpecs.Environments.Cluster;

/// <summary>
/// Whether a cluster's CoreDNS configuration carries a working egress rule, judged by what the rule does (EgressSpecs.Dns's
/// model of CoreDNS's rewrite plugin), not by its text: a probe egress name must be rewritten to the proxy's Service with
/// the answer's owner mapped back, and a look-alike must not be. A text search would accept the proof of concept's rule.
/// </summary>
internal static class EgressDnsRuleCheck
{
    private const string Probe = "egress-specs-probe.example.test.egress.local.";
    /// <summary>Names an anchored, escaped rule leaves alone: an unescaped dot, and the suffix followed by more labels.</summary>
    private static readonly string[] LookAlikes = ["egress-specs-probe.egressXlocal.", "egress-specs-probe.egress.local.evil."];

    /// <summary>Null when a working rule is found, else what is wrong, naming where it looked.</summary>
    /// <param name="corednsCustom">The data of <c>kube-system/coredns-custom</c> (k3s imports its <c>*.override</c> keys), or null when absent.</param>
    /// <param name="corefile">The <c>Corefile</c> of <c>kube-system/coredns</c> (other CoreDNS clusters), or null when absent.</param>
    public static string? Problem(IDictionary<string, string>? corednsCustom, string? corefile)
    {
        var findings = new List<string>();
        foreach (var (key, value) in corednsCustom ?? new Dictionary<string, string>())
        {
            var where = $"{EgressInstallNames.KubeSystem}/{EgressInstallNames.DnsConfigMap} key {key}";
            var verdict = Judge(value, where);
            if (verdict is null && key.EndsWith(".override", StringComparison.Ordinal))
            {
                return null;
            }

            if (verdict is null)
            {
                findings.Add($"{where} has the rule, but only *.override keys are imported into the server block whose kubernetes plugin answers the proxy's name");
            }
            else if (verdict.Length > 0)
            {
                findings.Add(verdict);
            }
        }

        if (corefile is not null)
        {
            var where = $"{EgressInstallNames.KubeSystem}/{EgressInstallNames.CoreDnsConfigMap} Corefile";
            var verdict = Judge(corefile, where);
            if (verdict is null)
            {
                return null;
            }

            if (verdict.Length > 0)
            {
                findings.Add(verdict);
            }
        }

        return findings.Count > 0
            ? string.Join("; ", findings)
            : $"no egress DNS rule: neither {EgressInstallNames.KubeSystem}/{EgressInstallNames.DnsConfigMap} (*.override) nor the coredns Corefile rewrites FOO.egress.local (apply infra/coredns-custom.yml)";
    }

    /// <summary>Null: a working rule; empty: no egress rule at all here; otherwise what is wrong with the rule found.</summary>
    private static string? Judge(string text, string where)
    {
        RewriteRuleSet rules;
        try
        {
            rules = RewriteRuleSet.Parse(text, where);
        }
        catch (RewriteRuleFormatException exception)
        {
            return text.Contains("egress", StringComparison.OrdinalIgnoreCase) ? $"{where} has a rewrite that cannot be read: {exception.Message}" : string.Empty;
        }

        var probe = rules.Rewrite(Probe);
        if (!probe.IsRewritten)
        {
            return string.Empty;
        }

        var target = EgressInstallNames.ServiceHost + ".";
        if (!string.Equals(probe.RewrittenName.TrimEnd('.') + ".", target, StringComparison.OrdinalIgnoreCase))
        {
            return $"{where} rewrites egress names to {probe.RewrittenName}, not {target}";
        }

        if (!string.Equals(probe.RevertOwnerName(target), Probe, StringComparison.OrdinalIgnoreCase))
        {
            return $"{where} rewrites egress names without 'answer auto' (or 'answer name'): answers are owned by {target}, which glibc's getaddrinfo drops";
        }

        return LookAlikes.FirstOrDefault(name => rules.Rewrite(name).IsRewritten) is { } lookAlike
            ? $"{where} also rewrites look-alike names such as {lookAlike} (unanchored or unescaped regex)"
            : null;
    }
}
