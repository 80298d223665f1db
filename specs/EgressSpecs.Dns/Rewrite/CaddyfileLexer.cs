using System.Text;

namespace EgressSpecs.Dns.Rewrite;

/// <summary>
/// Splits Corefile text into tokens the way CoreDNS's Caddyfile lexer does (coredns/caddy
/// caddyfile/lexer.go, the version CoreDNS 1.13.1 pins): tokens end at white space; a <c>"</c> opens a
/// quoted token only at the start of a token, the quoted token may span lines and ends at the closing
/// quote, and inside it only <c>\"</c> is an escape; outside quotes a <c>#</c> starts a comment even in
/// the middle of a token, which then ends there; carriage returns outside quotes are dropped.
/// The lexer keeps its comment state per token, so a comment that starts at the beginning of a token
/// runs to the end of the line, while one that starts inside a token (<c>foo#bar baz</c>) ends with that
/// token: <c>baz</c> is read as the next token.
/// </summary>
internal static class CaddyfileLexer
{
    public static List<CaddyfileToken> Tokenize(string text, int firstLineNumber, string source)
    {
        var tokens = new List<CaddyfileToken>();
        var value = new StringBuilder();
        var line = firstLineNumber;
        var tokenLine = line;
        var hasToken = false;
        var quoted = false;
        var escaped = false;
        var comment = false;

        // lexer.load discards a leading byte order mark.
        var start = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (!escaped && c == '\\')
                {
                    escaped = true;
                    continue;
                }

                if (!escaped && c == '"')
                {
                    quoted = false;
                    Emit();
                    continue;
                }

                if (c == '\n')
                {
                    line++;
                }

                if (escaped && c != '"')
                {
                    value.Append('\\');
                }

                value.Append(c);
                escaped = false;
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                if (c == '\r')
                {
                    continue;
                }

                if (hasToken)
                {
                    Emit();
                }

                if (c == '\n')
                {
                    line++;
                    comment = false;
                }

                continue;
            }

            if (c == '#')
            {
                comment = true;
            }

            if (comment)
            {
                continue;
            }

            if (!hasToken)
            {
                hasToken = true;
                tokenLine = line;
                if (c == '"')
                {
                    quoted = true;
                    continue;
                }
            }

            value.Append(c);
        }

        if (quoted)
        {
            // Caddy would take the rest of the file as one token; a rule file like that is a mistake, so say so.
            throw new RewriteRuleFormatException(source, tokenLine, LineAt(text, tokenLine - firstLineNumber), "unterminated quoted token");
        }

        if (hasToken)
        {
            Emit();
        }

        return tokens;

        void Emit()
        {
            var tokenText = value.ToString();
            tokens.Add(new CaddyfileToken(tokenText, tokenLine, tokenText.Count(ch => ch == '\n')));
            value.Clear();
            hasToken = false;
            comment = false;
        }
    }

    private static string LineAt(string text, int index)
    {
        var lines = text.Split('\n');
        return index >= 0 && index < lines.Length ? lines[index].Trim() : "";
    }
}
