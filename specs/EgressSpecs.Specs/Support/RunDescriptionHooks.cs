using System.Globalization;
using System.Reflection;
using EgressSpecs.Environments;
using EgressSpecs.Gherkin;
using Reqnroll;

namespace EgressSpecs.Specs.Support;

/// <summary>
/// Says what a run tests, at the top of the living doc, summary.md and junit.xml: target, proxy, DNS rule,
/// contract, commit, date. It runs before the target starts, so a target that cannot start still leaves a report
/// that says what was attempted; once the target has started, what it chose is added (the meshed app: curl and
/// glibc, or the in-process model and why).
/// </summary>
[Binding]
internal sealed class RunDescriptionHooks
{
    private const string ShippedRule = "infra/coredns-custom.yml (shipped)";

    [BeforeTestRun(Order = -100)]
    public static void DescribeRun(RunDescription run)
    {
        var target = Variable(EgressEnvironmentVariables.Target)?.ToLowerInvariant() ?? EgressTargets.Local;
        var onCluster = target == EgressTargets.Cluster;
        run.Name = target;
        run.Add("Target", target);
        run.Add("Proxy", target switch
        {
            EgressTargets.Cluster => "the cluster's (Deployment egress/egress-proxy)",
            EgressTargets.K3s => "ours (proxy/EgressSpecs.Proxy, its container image built by the run and deployed with infra/)",
            _ => Variable(EgressEnvironmentVariables.ProxyUrl) ?? "ours (proxy/EgressSpecs.Proxy, started by the run)",
        });
        run.Add("DNS rule", onCluster
            ? "the cluster's (kube-system/coredns-custom or the coredns Corefile)"
            : Variable(EgressEnvironmentVariables.Corefile) is { } rule && target == EgressTargets.Local ? Path.GetFullPath(rule) : ShippedRule);
        // ContractHooks adds what the contract holds once it is read.
        run.Add("Contract", Variable(EgressEnvironmentVariables.Contract) is { } contract ? Path.GetFullPath(contract) : "none");
        run.Add("Commit", SourceRevision(typeof(RunDescriptionHooks).Assembly) ?? "unknown (built outside a git checkout)");
        run.Add("Date", DateTimeOffset.UtcNow.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture));
    }

    /// <summary>After the target started (<see cref="TargetHooks.StartTargetAsync"/>): what it chose, e.g. how the meshed app runs.</summary>
    [BeforeTestRun(Order = 10)]
    public static void DescribeStartedTarget(RunDescription run)
    {
        foreach (var (label, value) in TargetHooks.Started?.RunFacts ?? [])
        {
            run.Add(label, value);
        }
    }

    private static string? Variable(string name) =>
        Environment.GetEnvironmentVariable(name)?.Trim() is { Length: > 0 } value ? value : null;

    // The .NET SDK appends the commit it built from to the informational version ("1.0.0+<sha>") when the source
    // is a git checkout (SourceRevisionId, from Microsoft.Build.Tasks.Git).
    private static string? SourceRevision(Assembly assembly) =>
        assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+') is [_, var sha, ..]
            ? sha[..Math.Min(12, sha.Length)]
            : null;
}
