namespace EgressSpecs.Contracts;

/// <summary>One entry of a contract file: one scenario, named by the entry in words.</summary>
public abstract record ContractEntry
{
    /// <summary>The entry's line in the contract file (1-based).</summary>
    public required int Line { get; init; }

    /// <summary>The scenario's name: the entry in words, unique within a contract (JUnit and the living doc list entries by it).</summary>
    public abstract string Name { get; }
}

/// <summary>A destination a meshed app must reach through the egress path.</summary>
/// <param name="Host">The destination's DNS name (lowercase), e.g. <c>api.github.com</c>.</param>
/// <param name="Path">Path and query, starting with <c>/</c>.</param>
/// <param name="Status">The status the destination must answer, or null for any answer that comes from the destination.</param>
public sealed record ReachableEntry(string Host, string Path, int? Status) : ContractEntry
{
    /// <summary><c>api.github.com/zen</c>: what the meshed app requests, without the scheme.</summary>
    public string Target => Host + Path;

    public override string Name => Status is { } status
        ? $"{Target} answers {status} through the egress path"
        : $"{Target} answers through the egress path";
}

/// <summary>A destination the egress proxy must refuse, without any connection leaving.</summary>
/// <param name="Host">The destination's DNS name (lowercase).</param>
/// <param name="Reason">The reason code the proxy's refusal must carry (ours: docs/proxy.md), or null for any refusal.</param>
public sealed record RefusedEntry(string Host, string? Reason) : ContractEntry
{
    public override string Name => Reason is { } reason
        ? $"{Host} is refused by the egress proxy ({reason})"
        : $"{Host} is refused by the egress proxy";
}

/// <summary>A URL an app namespace must not reach directly: the network (NetworkPolicy) blocks the call.</summary>
public sealed record BlockedDirectEntry(Uri Url) : ContractEntry
{
    public override string Name => $"{Url.AbsoluteUri} is blocked for direct calls";
}
