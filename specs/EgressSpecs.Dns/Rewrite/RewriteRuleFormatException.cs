namespace EgressSpecs.Dns.Rewrite;

/// <summary>A rule file that CoreDNS would refuse, or that uses a rewrite form this engine does not model.</summary>
public sealed class RewriteRuleFormatException : FormatException
{
    /// <summary>Creates the exception for a line of a rule source.</summary>
    public RewriteRuleFormatException(string source, int lineNumber, string lineText, string reason, Exception? inner = null)
        : base($"{source}, line {lineNumber}: {reason}: '{lineText}'", inner)
    {
        Source = source;
        LineNumber = lineNumber;
        LineText = lineText;
        Reason = reason;
    }

    /// <summary>The file (or description) the rules came from.</summary>
    public new string Source { get; }

    /// <summary>The 1-based line of the offending directive.</summary>
    public int LineNumber { get; }

    /// <summary>The offending directive.</summary>
    public string LineText { get; }

    /// <summary>Why the directive was refused.</summary>
    public string Reason { get; }
}
