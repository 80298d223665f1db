namespace EgressSpecs.Contracts;

/// <summary>
/// What a cluster's egress must allow and refuse, as a platform team writes it in a contract file
/// (<see cref="ContractReader"/>): each entry becomes one scenario (<see cref="ContractGherkin"/>).
/// </summary>
/// <param name="File">The contract file's absolute path.</param>
/// <param name="Reachable">Destinations a meshed app must reach through the egress path.</param>
/// <param name="Refused">Destinations the egress proxy must refuse.</param>
/// <param name="BlockedDirect">URLs an app namespace must not reach directly.</param>
public sealed record EgressContract(
    string File,
    IReadOnlyList<ReachableEntry> Reachable,
    IReadOnlyList<RefusedEntry> Refused,
    IReadOnlyList<BlockedDirectEntry> BlockedDirect)
{
    /// <summary>Every entry, in the file's sections' order.</summary>
    public IEnumerable<ContractEntry> Entries => [.. Reachable, .. Refused, .. BlockedDirect];

    /// <summary>"2 reachable, 1 refused, 1 blockedDirect": what the contract holds, for the reports' header.</summary>
    public string Counts => $"{Reachable.Count} reachable, {Refused.Count} refused, {BlockedDirect.Count} blockedDirect";
}
