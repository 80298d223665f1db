namespace EgressSpecs.Gherkin.Running;

/// <summary>
/// Keeps the stack frames of the test project's own code (steps, hooks, drivers) and drops the ones a failure
/// passes through on its way out: the Reqnroll runtime, reflection, xunit, this adapter. A failing step then shows
/// the two or three lines that locate it instead of twenty lines of framework.
/// </summary>
internal static class StackTraceTrimmer
{
    private const string FramePrefix = "at ";

    // Namespaces of code the scenario does not own. Matched on the frame's qualified method name.
    private static readonly string[] FrameworkPrefixes =
    [
        "System.", "Microsoft.", "Reqnroll.", "Xunit.", "InvokeStub_", "Castle.",
    ];

    private static readonly string[] AdapterTypes =
        [.. typeof(StackTraceTrimmer).Assembly.GetTypes().Where(t => !t.IsNested).Select(t => t.FullName + ".")];

    /// <summary>The frames worth reading, in order, or null when none is left.</summary>
    public static string? Trim(string? stackTrace)
    {
        if (string.IsNullOrWhiteSpace(stackTrace))
        {
            return null;
        }

        var kept = stackTrace.Split('\n')
            .Select(line => line.TrimEnd('\r'))
            .Where(IsOwnFrame)
            .ToArray();
        return kept.Length == 0 ? null : string.Join(Environment.NewLine, kept);
    }

    private static bool IsOwnFrame(string line)
    {
        var frame = line.TrimStart();
        if (!frame.StartsWith(FramePrefix, StringComparison.Ordinal))
        {
            // "--- End of stack trace from previous location ---" and the like.
            return false;
        }

        var method = frame[FramePrefix.Length..];
        return !FrameworkPrefixes.Any(prefix => method.StartsWith(prefix, StringComparison.Ordinal))
            && !AdapterTypes.Any(type => method.StartsWith(type, StringComparison.Ordinal));
    }
}
