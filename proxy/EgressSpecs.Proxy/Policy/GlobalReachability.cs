namespace EgressSpecs.Proxy.Policy;

/// <summary>The "Globally Reachable" column of an IANA special-purpose address registry.</summary>
internal enum GlobalReachability
{
    /// <summary><c>True</c>: the block may be reached from anywhere on the internet.</summary>
    True,

    /// <summary><c>False</c>: local, private, documentation or otherwise not reachable as a global destination.</summary>
    False,

    /// <summary><c>N/A</c>: a transition mechanism (Teredo, 6to4) whose reachability depends on what it embeds.</summary>
    NotApplicable,

    /// <summary>An empty row of a terminated assignment (6to4 relay anycast, the first ORCHID).</summary>
    Terminated,
}
