using System.Globalization;

namespace EgressSpecs.Environments.Apps;

/// <summary>
/// The command an app pod runs for one <see cref="AppRequest"/>: curl with nothing a .NET app would not send
/// (no User-Agent, no Accept, no form Content-Type, no Expect), the path as given, response headers on stdout
/// before the body. A body arrives on stdin; <c>head -c LENGTH</c> ends it, since exec cannot close stdin.
/// </summary>
internal static class CurlCommand
{
    /// <summary>The argv to exec, and the body bytes to write on its stdin (null when there is no body).</summary>
    public static (IReadOnlyList<string> Command, RequestBody? Stdin) For(AppRequest request)
    {
        var curl = new List<string>
        {
            "curl",

            // First, or curl ignores it: no ~/.curlrc of whoever runs it (a pod image's, the test machine's) adds options.
            "--disable",
            "--silent",
            "--show-error",
            "--include",
            "--path-as-is",
            "--globoff",
            "--noproxy", "*",
            "--http1.1",
            "--connect-timeout", Seconds(TimeSpan.FromTicks(Math.Min(request.Timeout.Ticks, TimeSpan.FromSeconds(5).Ticks))),
            "--max-time", Seconds(request.Timeout),
        };

        curl.AddRange(request.Method.Equals("HEAD", StringComparison.OrdinalIgnoreCase) ? ["--head"] : ["--request", request.Method]);

        var names = request.Headers.Select(header => header.Key).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in request.Headers)
        {
            // "Name;" sends a header with an empty value; "Name: " would remove curl's own.
            curl.AddRange(["--header", value.Length == 0 ? $"{name};" : $"{name}: {value}"]);
        }

        // Remove what curl adds on its own and an app's HttpClient does not.
        foreach (var own in new[] { "User-Agent", "Accept", "Expect" })
        {
            if (!names.Contains(own))
            {
                curl.AddRange(["--header", $"{own}:"]);
            }
        }

        if (request.Body is { } body)
        {
            if (!names.Contains("Content-Type"))
            {
                curl.AddRange(["--header", body.ContentType is { } type ? $"Content-Type: {type}" : "Content-Type:"]);
            }

            if (body.IsGenerated)
            {
                curl.AddRange(["--header", "Transfer-Encoding: chunked"]);
            }

            curl.AddRange(["--data-binary", "@-"]);
        }

        curl.Add(request.Url.AbsoluteUri);

        if (request.Body is not { } sent)
        {
            return (curl, null);
        }

        // sh -c 'head -c "$0" | "$@"' LENGTH curl ...: no quoting, every argument stays one argv entry.
        List<string> piped = ["sh", "-c", "head -c \"$0\" | \"$@\"", sent.Length.ToString(CultureInfo.InvariantCulture), .. curl];
        return (piped, sent);
    }

    private static string Seconds(TimeSpan span) => Math.Max(span.TotalSeconds, 0.001).ToString("0.###", CultureInfo.InvariantCulture);
}
