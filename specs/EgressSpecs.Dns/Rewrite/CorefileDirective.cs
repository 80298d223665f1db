namespace EgressSpecs.Dns.Rewrite;

/// <summary>A <c>rewrite</c> directive found in a Corefile: its arguments after the word <c>rewrite</c>.</summary>
internal sealed record CorefileDirective(int LineNumber, IReadOnlyList<string> Arguments, string Text);
