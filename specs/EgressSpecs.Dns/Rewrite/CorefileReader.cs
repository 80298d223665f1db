namespace EgressSpecs.Dns.Rewrite;

/// <summary>
/// Finds the <c>rewrite</c> directives of a Corefile or Corefile snippet, from the tokens of
/// <see cref="CaddyfileLexer"/>. A directive is the first token of a line inside a server block (or at
/// the top of a snippet); its arguments are the following tokens on the same line, as Caddy's
/// dispenser counts lines (a quoted token spanning lines moves the line on). Blocks of other directives
/// are skipped. A <c>rewrite [stop|continue] { ... }</c> block is joined into one rule, as CoreDNS's
/// rewriteParse does when fewer than two arguments precede the block.
/// </summary>
internal static class CorefileReader
{
    public static List<CorefileDirective> ReadRewriteDirectives(string text, int firstLineNumber, string source)
    {
        var tokens = CaddyfileLexer.Tokenize(text, firstLineNumber, source);
        var lines = text.Split('\n');
        var directives = new List<CorefileDirective>();
        var serverDepth = 0;
        var i = 0;

        while (i < tokens.Count)
        {
            var lineStart = i;
            var lineEnd = EndOfLine(tokens, i);
            var first = tokens[i].Text;

            if (first == "}")
            {
                serverDepth = Math.Max(0, serverDepth - 1);
                i++;
                continue;
            }

            if (serverDepth == 0 && LooksLikeServerKey(first))
            {
                // Server block keys (".:53", "example.org") or a snippet definition "(name)": what follows are directives.
                serverDepth += tokens[lineEnd - 1].Text == "{" ? 1 : 0;
                i = lineEnd;
                continue;
            }

            if (!string.Equals(first, "rewrite", StringComparison.OrdinalIgnoreCase))
            {
                i = SkipDirective(tokens, lineEnd);
                continue;
            }

            // RemainingArgs: the rest of the line, up to an opening brace.
            var arguments = new List<string>();
            var next = lineStart + 1;
            while (next < lineEnd && tokens[next].Text != "{")
            {
                arguments.Add(tokens[next].Text);
                next++;
            }

            var lastLine = tokens[Math.Max(lineStart, next - 1)].EndLine;
            if (next < lineEnd)
            {
                if (arguments.Count >= 2)
                {
                    throw new RewriteRuleFormatException(source, tokens[lineStart].Line, Text(lines, firstLineNumber, tokens[lineStart].Line, tokens[next].EndLine),
                        "a rewrite block may only be preceded by stop or continue");
                }

                // NextBlock: every token up to the closing brace, whatever line it is on.
                next++;
                while (next < tokens.Count && tokens[next].Text != "}")
                {
                    arguments.Add(tokens[next].Text);
                    next++;
                }

                if (next >= tokens.Count)
                {
                    throw new RewriteRuleFormatException(source, tokens[lineStart].Line, Text(lines, firstLineNumber, tokens[lineStart].Line, tokens[^1].EndLine),
                        "the rewrite block is not closed");
                }

                lastLine = tokens[next].EndLine;
                next++;
            }

            directives.Add(new CorefileDirective(tokens[lineStart].Line, arguments, Text(lines, firstLineNumber, tokens[lineStart].Line, lastLine)));
            i = next;
        }

        return directives;
    }

    /// <summary>Caddy's NextArg: the next token is on the same line when it starts where the current one ends.</summary>
    private static int EndOfLine(List<CaddyfileToken> tokens, int start)
    {
        var end = start + 1;
        while (end < tokens.Count && tokens[end].Line == tokens[end - 1].EndLine)
        {
            end++;
        }

        return end;
    }

    private static int SkipDirective(List<CaddyfileToken> tokens, int lineEnd)
    {
        if (tokens[lineEnd - 1].Text != "{")
        {
            return lineEnd;
        }

        var depth = 1;
        var i = lineEnd;
        while (i < tokens.Count && depth > 0)
        {
            depth += tokens[i].Text switch
            {
                "{" => 1,
                "}" => -1,
                _ => 0,
            };
            i++;
        }

        return i;
    }

    private static bool LooksLikeServerKey(string token) =>
        token.StartsWith('(') || token.Contains('.', StringComparison.Ordinal) || token.Contains(':', StringComparison.Ordinal);

    private static string Text(string[] lines, int firstLineNumber, int fromLine, int toLine)
    {
        var from = Math.Clamp(fromLine - firstLineNumber, 0, lines.Length - 1);
        var to = Math.Clamp(toLine - firstLineNumber, from, lines.Length - 1);
        return string.Join(' ', lines[from..(to + 1)].Select(line => line.Trim()).Where(line => line.Length > 0));
    }
}
