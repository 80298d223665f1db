using System.Text;
using EgressSpecs.Environments.Support;

namespace EgressSpecs.Environments.Apps;

/// <summary>Turns what <see cref="CurlCommand"/> printed into an <see cref="AppResponse"/>.</summary>
internal static class CurlResponse
{
    private static readonly byte[] HeaderEnd = "\r\n\r\n"u8.ToArray();

    /// <summary>
    /// Exit 0: the last non-1xx header block (curl prints interim responses too) and the bytes after it.
    /// Otherwise curl's exit code says how the exchange failed (see <c>man curl</c>, EXIT CODES).
    /// </summary>
    public static AppResponse Parse(CommandResult result, string description, AppRequest request)
    {
        if (result.ExitCode != 0)
        {
            var message = $"{description}: {request.Method} {request.Url}: curl exit {result.ExitCode}: {result.Stderr.Trim()}";
            return AppResponse.Failed(Classify(result.ExitCode, result.Stderr), message);
        }

        var output = result.Stdout;
        var offset = 0;
        while (true)
        {
            var end = output.AsSpan(offset).IndexOf(HeaderEnd.AsSpan());
            if (end < 0)
            {
                throw new FormatException($"{description}: curl printed no complete header block for {request.Method} {request.Url}.");
            }

            var block = Encoding.Latin1.GetString(output, offset, end);
            var bodyStart = offset + end + HeaderEnd.Length;
            var (status, headers) = ParseHeaderBlock(block);
            if (status is >= 100 and < 200)
            {
                offset = bodyStart;
                continue;
            }

            return AppResponse.Received(status, headers, output[bodyStart..]);
        }
    }

    /// <summary>
    /// curl's exit codes for the failures a spec tells apart (curl's man page, EXIT CODES): 6 could not resolve host,
    /// 7 failed to connect, 28 timeout, 56 failure receiving network data (a reset), 35 a TLS handshake that failed; that
    /// one counts as a reset only when the connection was reset, a certificate problem is exit 60.
    /// </summary>
    public static AppFailureKind Classify(int exitCode, string stderr) => exitCode switch
    {
        6 => AppFailureKind.NameNotResolved,
        7 => AppFailureKind.ConnectionRefused,
        28 => AppFailureKind.Timeout,
        56 => AppFailureKind.ConnectionReset,
        35 when stderr.Contains("reset", StringComparison.OrdinalIgnoreCase) => AppFailureKind.ConnectionReset,
        _ => AppFailureKind.Other,
    };

    private static (int Status, List<KeyValuePair<string, IEnumerable<string>>> Headers) ParseHeaderBlock(string block)
    {
        var lines = block.Split("\r\n");
        var statusLine = lines[0].Split(' ', 3);
        if (statusLine.Length < 2 || !statusLine[0].StartsWith("HTTP/", StringComparison.Ordinal) || !int.TryParse(statusLine[1], out var status))
        {
            throw new FormatException($"'{lines[0]}' is not an HTTP status line.");
        }

        var headers = new List<KeyValuePair<string, IEnumerable<string>>>();
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                headers.Add(new(line[..colon].Trim(), [line[(colon + 1)..].Trim()]));
            }
        }

        return (status, headers);
    }
}
