using System.Globalization;
using System.Text;

namespace EgressSpecs.Environments.Support;

/// <summary>
/// An HTTP/1.x response head (status line and header fields) read from raw bytes: the one parser for curl's
/// <c>--include</c> output, raw connections to the proxy, and the raw HTTP/1.1 app. Header bytes are Latin-1 (RFC 9110 5.5).
/// </summary>
/// <param name="StatusLine">The status line as received, e.g. <c>HTTP/1.1 200 OK</c>.</param>
/// <param name="StatusCode">Its status code.</param>
/// <param name="Headers">The header fields in order, names as sent, values trimmed; a name may repeat.</param>
/// <param name="Length">Bytes of the head including the blank line that ends it: the body starts there.</param>
public sealed record HttpHead(string StatusLine, int StatusCode, IReadOnlyList<KeyValuePair<string, string>> Headers, int Length)
{
    private static readonly byte[] End = "\r\n\r\n"u8.ToArray();

    /// <summary>The head as text, without the blank line.</summary>
    public string Text => StatusLine + string.Concat(Headers.Select(header => $"\r\n{header.Key}: {header.Value}"));

    /// <summary>Every value of <paramref name="name"/> (case-insensitive), in order.</summary>
    public IEnumerable<string> Values(string name) =>
        Headers.Where(header => header.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Select(header => header.Value);

    /// <summary>The headers grouped by name, as <see cref="AppResponse"/> takes them.</summary>
    public IReadOnlyList<KeyValuePair<string, IEnumerable<string>>> Grouped() =>
    [
        .. Headers.GroupBy(header => header.Key, StringComparer.OrdinalIgnoreCase)
            .Select(group => new KeyValuePair<string, IEnumerable<string>>(group.Key, group.Select(header => header.Value).ToList())),
    ];

    /// <summary>True when the body is sent in chunks.</summary>
    public bool IsChunked => Values("Transfer-Encoding").Any(value => value.Contains("chunked", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Reads the head at the start of <paramref name="bytes"/>: null while the blank line that ends it has not arrived.
    /// </summary>
    /// <exception cref="FormatException">The first line is not an HTTP status line.</exception>
    public static HttpHead? TryRead(ReadOnlySpan<byte> bytes)
    {
        var end = bytes.IndexOf(End);
        if (end < 0)
        {
            return null;
        }

        var lines = Encoding.Latin1.GetString(bytes[..end]).Split("\r\n");
        var parts = lines[0].Split(' ', 3);
        if (parts.Length < 2 || !parts[0].StartsWith("HTTP/", StringComparison.Ordinal)
            || parts[1].Length != 3 || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var status))
        {
            throw new FormatException($"'{lines[0]}' is not an HTTP status line.");
        }

        var headers = new List<KeyValuePair<string, string>>();
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                headers.Add(new(line[..colon].Trim(), line[(colon + 1)..].Trim()));
            }
        }

        return new HttpHead(lines[0], status, headers, end + End.Length);
    }
}
