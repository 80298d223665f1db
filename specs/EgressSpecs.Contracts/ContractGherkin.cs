using System.Text;

namespace EgressSpecs.Contracts;

/// <summary>
/// A contract as a feature: one Rule per section, one Scenario per entry, named by the entry. The steps are the specs'
/// own phrases (bound in specs/EgressSpecs.Specs/StepDefinitions), so the contract reads, runs and reports like every
/// other feature. A scenario declares what it needs beyond every target with the <c>@needs-*</c> tags of
/// specs/EgressSpecs.Specs/Features/_Glossary.md.
/// </summary>
public static class ContractGherkin
{
    public const string FeatureTitle = "Egress contract";

    /// <summary>Every contract scenario carries it: select them with <c>--filter-trait "Category=contract"</c>.</summary>
    public const string Tag = "contract";

    /// <summary>The suite's own third parties, whose connections the targets that run them observe.</summary>
    public const string ThirdPartiesTag = "needs-third-parties";

    /// <summary>Only a cluster whose CNI enforces NetworkPolicy can block a direct call.</summary>
    public const string NetworkPolicyTag = "needs-network-policy";

    /// <summary>The placeholder's one scenario when no contract file is given.</summary>
    public const string NoContractScenario = "No contract file was given";

    /// <summary>The contract's feature text.</summary>
    /// <param name="contract">The contract.</param>
    /// <param name="observableHosts">
    /// The suite's own third parties (<c>unlisted.example.test</c>, ...): for an entry naming one, the scenario also
    /// checks that no connection reached it, and needs the third parties to do so.
    /// </param>
    public static string Write(EgressContract contract, IReadOnlySet<string> observableHosts)
    {
        var text = new StringBuilder();
        text.Append('@').Append(Tag).Append('\n')
            .Append("Feature: ").Append(FeatureTitle).Append('\n')
            .Append("  What this cluster's egress must allow and refuse, as the contract file lists it:\n")
            .Append("  ").Append(contract.File).Append('\n')
            .Append("  Each entry is one scenario, named by the entry.\n");

        if (contract.Reachable.Count > 0)
        {
            Rule(text, "Listed destinations answer through the egress path",
                "A meshed app calls the destination's egress name. The answer must come from the destination:",
                "not a refusal or failure of the egress proxy (a problem+json body with a reason) or of the mesh.");
            foreach (var entry in contract.Reachable)
            {
                Scenario(text, entry, [],
                    $"When the meshed app requests \"{entry.Target}\" through the egress path",
                    entry.Status is { } status ? $"Then the destination answers with status {status}" : "Then the answer comes from the destination");
            }
        }

        if (contract.Refused.Count > 0)
        {
            Rule(text, "Refused destinations get the egress proxy's refusal",
                "The proxy answers a 4xx (with the reason, when the entry names one) and opens no connection;",
                "that no connection left can be observed only for the suite's own third parties.");
            foreach (var entry in contract.Refused)
            {
                var observed = observableHosts.Contains(entry.Host);
                Scenario(text, entry, observed ? [ThirdPartiesTag] : [],
                [
                    $"When the meshed app requests \"{entry.Host}/\" through the egress path",
                    entry.Reason is { } reason ? $"Then the egress proxy refuses the call with the reason \"{reason}\"" : "Then the egress proxy refuses the call",
                    .. observed ? [$"And the third party \"{entry.Host}\" saw no connection"] : Array.Empty<string>(),
                ]);
            }
        }

        if (contract.BlockedDirect.Count > 0)
        {
            Rule(text, "Direct calls from an app namespace are blocked by the network",
                "An app that ignores the egress path and calls the URL itself is stopped by a NetworkPolicy:",
                "the connection is refused, reset or dropped, which only a cluster that enforces policies can do.");
            foreach (var entry in contract.BlockedDirect)
            {
                var observed = entry.Url.HostNameType == UriHostNameType.Dns && observableHosts.Contains(entry.Url.Host);
                Scenario(text, entry, observed ? [NetworkPolicyTag, ThirdPartiesTag] : [NetworkPolicyTag],
                [
                    $"When the meshed app calls \"{entry.Url.AbsoluteUri}\" directly",
                    "Then the network blocks the call",
                    .. observed ? [$"And the third party \"{entry.Url.Host}\" receives no request"] : Array.Empty<string>(),
                ]);
            }
        }

        return text.ToString();
    }

    /// <summary>The feature's text when there is no contract to run: one scenario, which the run reports as skipped.</summary>
    public static string Placeholder(string scenario) =>
        $"""
        @{Tag}
        Feature: {FeatureTitle}
          A platform team's own list of what its cluster's egress must allow and refuse (docs/clusters.md).

          Scenario: {scenario}

        """.ReplaceLineEndings("\n");

    private static void Rule(StringBuilder text, string name, params string[] description)
    {
        text.Append("\n  Rule: ").Append(name).Append('\n');
        foreach (var line in description)
        {
            text.Append("    ").Append(line).Append('\n');
        }
    }

    private static void Scenario(StringBuilder text, ContractEntry entry, IReadOnlyList<string> tags, params IReadOnlyList<string> steps)
    {
        text.Append('\n');
        if (tags.Count > 0)
        {
            text.Append("    ").Append(string.Join(' ', tags.Select(tag => "@" + tag))).Append('\n');
        }

        text.Append("    Scenario: ").Append(entry.Name).Append('\n');
        text.Append("      Line ").Append(entry.Line).Append(" of the contract file.\n\n");
        foreach (var step in steps)
        {
            text.Append("      ").Append(step).Append('\n');
        }
    }
}
