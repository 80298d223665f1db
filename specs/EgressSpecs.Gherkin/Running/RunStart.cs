using Xunit.Sdk;

namespace EgressSpecs.Gherkin.Running;

/// <summary>
/// Whether this process's test run started: a before-test-run hook that throws (a target that cannot start, a bad
/// setting) stops every scenario. The run then fails as a whole, honestly and once: the first scenario carries the
/// reason, every other one a single line pointing at it, and summary.md says why.
/// </summary>
internal static class RunStart
{
    private static Exception? _failure;
    private static int _reasonClaimed;

    /// <summary>Why the run did not start, or null when it did.</summary>
    public static Exception? Failure => Volatile.Read(ref _failure);

    /// <summary>The reason in a person's words: the exception's message, as a failing hook writes it.</summary>
    public static string Reason(Exception failure) => failure.Message.Trim();

    public static void Reset()
    {
        Volatile.Write(ref _failure, null);
        Volatile.Write(ref _reasonClaimed, 0);
    }

    public static void Fail(Exception failure) => Volatile.Write(ref _failure, failure);

    /// <summary>What a scenario fails with: the first one asked gets the reason, the others a pointer to it.</summary>
    public static Exception ScenarioException(Exception failure) =>
        Interlocked.Exchange(ref _reasonClaimed, 1) == 0
            ? new RunNotStartedException($"The test run did not start: {Reason(failure)}")
            : new RunNotStartedException(PointerMessage);

    public const string PointerMessage =
        "The test run did not start: the reason is under the first failed scenario and in summary.md.";
}
