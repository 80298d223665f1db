namespace EgressSpecs.Dns.Rewrite;

/// <summary>What CoreDNS does after a rule has rewritten the question (plugin/rewrite: <c>stop</c> is the default).</summary>
public enum RewriteMode
{
    /// <summary>The rewritten name goes to the next plugin; later rules are not tried.</summary>
    Stop,

    /// <summary>Later rules are tried against the already rewritten name.</summary>
    Continue,
}
