using System.Text;

namespace EgressSpecs.Dns.Rewrite;

/// <summary>
/// Finds the <c>rewrite</c> directives of a Corefile or Corefile snippet (Caddyfile syntax: tokens
/// split on white space, <c>"quoted"</c> tokens, <c>#</c> comments, <c>{ }</c> blocks). Other
/// directives and server blocks are skipped. A <c>rewrite [stop|continue] { ... }</c> block is joined
/// into one rule, as CoreDNS's rewriteParse does when fewer than two arguments precede the block.
/// </summary>
internal static class CorefileReader
{
    public static List<CorefileDirective> ReadRewriteDirectives(string text, int firstLineNumber, string source)
    {
        var directives = new List<CorefileDirective>();
        var lines = text.Split('\n');
        List<string>? blockArguments = null;
        var blockLine = 0;
        var blockText = new StringBuilder();

        for (var index = 0; index < lines.Length; index++)
        {
            var lineNumber = firstLineNumber + index;
            var line = lines[index].TrimEnd('\r');
            var tokens = Tokenize(line, source, lineNumber);
            if (tokens.Count == 0)
            {
                continue;
            }

            if (blockArguments is not null)
            {
                var closes = tokens[^1] == "}";
                blockArguments.AddRange(closes ? tokens.Take(tokens.Count - 1) : tokens);
                blockText.Append(' ').Append(line.Trim());
                if (closes)
                {
                    directives.Add(new CorefileDirective(blockLine, blockArguments, blockText.ToString()));
                    blockArguments = null;
                    blockText.Clear();
                }

                continue;
            }

            if (!string.Equals(tokens[0], "rewrite", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var arguments = tokens.Skip(1).ToList();
            if (arguments.Count > 0 && arguments[^1] == "{")
            {
                arguments.RemoveAt(arguments.Count - 1);
                if (arguments.Count >= 2)
                {
                    throw new RewriteRuleFormatException(source, lineNumber, line.Trim(),
                        "a rewrite block may only be preceded by stop or continue");
                }

                blockArguments = arguments;
                blockLine = lineNumber;
                blockText.Append(line.Trim());
                continue;
            }

            directives.Add(new CorefileDirective(lineNumber, arguments, line.Trim()));
        }

        if (blockArguments is not null)
        {
            throw new RewriteRuleFormatException(source, blockLine, blockText.ToString(), "the rewrite block is not closed");
        }

        return directives;
    }

    private static List<string> Tokenize(string line, string source, int lineNumber)
    {
        var tokens = new List<string>();
        var current = new StringBuilder();
        var inQuotes = false;
        var hasToken = false;

        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (inQuotes)
            {
                if (c == '\\' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    current.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    inQuotes = false;
                }
                else
                {
                    current.Append(c);
                }

                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                Flush();
                continue;
            }

            if (c == '#' && !hasToken)
            {
                break;
            }

            if (c == '"' && !hasToken)
            {
                inQuotes = true;
                hasToken = true;
                continue;
            }

            current.Append(c);
            hasToken = true;
        }

        if (inQuotes)
        {
            throw new RewriteRuleFormatException(source, lineNumber, line.Trim(), "unterminated quoted token");
        }

        Flush();
        return tokens;

        void Flush()
        {
            if (hasToken)
            {
                tokens.Add(current.ToString());
            }

            current.Clear();
            hasToken = false;
        }
    }
}
