using Reqnroll.Tracing;
using Xunit;
using Xunit.v3;

namespace EgressSpecs.Gherkin.Running;

/// <summary>
/// Writes Reqnroll's step output to the running scenario's capture (<see cref="ScenarioOutput"/>), or straight to the
/// running test's output when nothing captures. Thread-safe, so the runtime calls it on the scenario's own flow,
/// where the capture and <see cref="TestContext.Current"/> are that scenario's.
/// </summary>
internal sealed class XunitTraceListener : IThreadSafeTraceListener
{
    public void WriteTestOutput(string message) => Write(message);

    public void WriteToolOutput(string message) => Write("-> " + message);

    private static void Write(string message)
    {
        // Assert.Skip's reason carries xunit's internal marker; the reader wants the reason only.
        var line = message.Replace(DynamicSkipToken.Value, string.Empty, StringComparison.Ordinal);
        if (!ScenarioOutput.TryWriteLine(line))
        {
            TestContext.Current.TestOutputHelper?.WriteLine(line);
        }
    }
}
