using EgressSpecs.Contracts.Tests.Support;

namespace EgressSpecs.Contracts.Tests.EndToEnd;

/// <summary>
/// The upgrade workflow of docs/clusters.md on the local target, in child processes, each run with its own report folder:
/// <list type="number">
/// <item><b>Before</b>: the shipped sample contract (one reachable entry, one refused, one blockedDirect).</item>
/// <item><b>Contradicting</b>: the sample plus an entry the local allowlist contradicts (api.example.test refused).</item>
/// <item><b>After</b>: the sample again, compared with the first run, after an "upgrade" that left the DNS rule pointing at a
/// Service name that no longer exists (EGRESS_SPECS_COREFILE).</item>
/// </list>
/// </summary>
public sealed class ContractRuns : IAsyncLifetime
{
    /// <summary>The DNS rule after the faulty upgrade: the egress names are rewritten to a Service that is not there.</summary>
    public const string BrokenRule = @"rewrite stop name regex ^(.+)\.egress\.local\.$ egress-proxy.egress.svc.cluster.local. answer auto";

    public const string ContradictingEntry = "api.example.test is refused by the egress proxy (not_allowed)";

    private readonly string _folder = Directory.CreateTempSubdirectory("egress-contract-").FullName;

    public static string SampleContract => Path.Combine(SpecsExecutable.Directory, "Contracts", "local-sample.yaml");

    public SpecsRun Before { get; private set; } = null!;

    public SpecsRun Contradicting { get; private set; } = null!;

    public SpecsRun After { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Before = await RunAsync("before", SampleContract);

        var sample = await File.ReadAllTextAsync(SampleContract);
        Contradicting = await RunAsync("contradicting", await WithExtraRefusedEntryAsync(sample, Path.Combine(_folder, "contradicting.yaml")));

        var rule = Path.Combine(_folder, "broken-rule.txt");
        await File.WriteAllTextAsync(rule, BrokenRule + "\n");
        After = await RunAsync("after", SampleContract, new() { ["EGRESS_SPECS_COREFILE"] = rule, ["EGRESS_SPECS_BASELINE"] = Before.ReportDirectory });
    }

    public ValueTask DisposeAsync()
    {
        Directory.Delete(_folder, recursive: true);
        return ValueTask.CompletedTask;
    }

    /// <summary>The sample contract with one more refused entry, api.example.test, which the local allowlist lists.</summary>
    private static async Task<string> WithExtraRefusedEntryAsync(string sample, string path)
    {
        var at = sample.IndexOf('\n', sample.IndexOf("refused:", StringComparison.Ordinal)) + 1;
        await File.WriteAllTextAsync(path, sample.Insert(at, "  - host: api.example.test\n    reason: not_allowed\n"));
        return path;
    }

    private async Task<SpecsRun> RunAsync(string name, string contract, Dictionary<string, string?>? environment = null)
    {
        var reports = Path.Combine(_folder, name);
        var variables = new Dictionary<string, string?>(environment ?? [])
        {
            ["EGRESS_SPECS_CONTRACT"] = contract,
            ["EGRESS_SPECS_REPORT_DIR"] = reports,
        };
        var (exitCode, output) = await SpecsExecutable.RunAsync(variables, "--filter-trait", "Category=contract");
        return new SpecsRun(reports, exitCode, output);
    }
}

/// <summary>One run of the specs: its report folder, exit code and console.</summary>
public sealed record SpecsRun(string ReportDirectory, int ExitCode, string Output)
{
    public string Summary => File.ReadAllText(Path.Combine(ReportDirectory, "summary.md"));

    public IReadOnlyList<string> SummaryLines => [.. Summary.Split('\n').Select(line => line.TrimEnd('\r'))];
}
