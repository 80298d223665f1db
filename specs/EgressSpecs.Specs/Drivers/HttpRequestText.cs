namespace EgressSpecs.Specs.Drivers;

/// <summary>
/// A request written the way a person writes one in a feature file: a request line (<c>POST /orders?page=2</c>),
/// header lines, a blank line, then the body.
/// </summary>
internal sealed record HttpRequestText(string Method, string PathAndQuery, IReadOnlyList<KeyValuePair<string, string>> Headers, string? Body)
{
    public static HttpRequestText Parse(string text)
    {
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        var requestLine = lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (requestLine.Length != 2)
        {
            throw new FormatException($"The first line must be 'METHOD /path', got '{lines[0]}'.");
        }

        var headers = new List<KeyValuePair<string, string>>();
        var index = 1;
        for (; index < lines.Length && lines[index].Length > 0; index++)
        {
            var colon = lines[index].IndexOf(':');
            if (colon <= 0)
            {
                throw new FormatException($"Line {index + 1} must be a 'Name: value' header, got '{lines[index]}'.");
            }

            headers.Add(new(lines[index][..colon].Trim(), lines[index][(colon + 1)..].Trim()));
        }

        var body = index < lines.Length - 1 ? string.Join('\n', lines[(index + 1)..]) : null;
        return new HttpRequestText(requestLine[0], requestLine[1], headers, body);
    }

    /// <summary>Parses <c>"GET /path"</c>, the short form steps use.</summary>
    public static HttpRequestText ParseRequestLine(string requestLine) => Parse(requestLine);
}
