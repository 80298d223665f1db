namespace EgressSpecs.Dns.Rewrite;

/// <summary>One token of a Corefile, with the line it starts on and the line breaks inside it (quoted tokens may span lines).</summary>
internal sealed record CaddyfileToken(string Text, int Line, int LineBreaks)
{
    /// <summary>The line the token ends on: Caddy's dispenser counts the next token as "on the same line" when it starts there.</summary>
    public int EndLine => Line + LineBreaks;
}
