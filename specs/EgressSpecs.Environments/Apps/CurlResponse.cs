using EgressSpecs.Environments.Support;

namespace EgressSpecs.Environments.Apps;

/// <summary>Turns what <see cref="CurlCommand"/> printed into an <see cref="AppResponse"/>.</summary>
internal static class CurlResponse
{
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
            // curl prints interim (1xx) heads too; the response is the first other one.
            var head = HttpHead.TryRead(output.AsSpan(offset))
                ?? throw new FormatException($"{description}: curl printed no complete header block for {request.Method} {request.Url}.");
            offset += head.Length;
            if (head.StatusCode is >= 200)
            {
                return AppResponse.Received(head.StatusCode, head.Grouped(), output[offset..]);
            }
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
}
