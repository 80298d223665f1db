using Reqnroll.Tracing;
using Xunit;
using Xunit.v3;

namespace EgressSpecs.Gherkin.Running;

/// <summary>
/// Writes Reqnroll's step output to the running test's output. Thread-safe, so the runtime calls it
/// on the scenario's own flow, where <see cref="TestContext.Current"/> is that scenario's test.
/// </summary>
internal sealed class XunitTraceListener : IThreadSafeTraceListener
{
    public void WriteTestOutput(string message) => Write(message);

    public void WriteToolOutput(string message) => Write("-> " + message);

    // Assert.Skip's reason carries xunit's internal marker; the reader wants the reason only.
    private static void Write(string message) =>
        TestContext.Current.TestOutputHelper?.WriteLine(message.Replace(DynamicSkipToken.Value, string.Empty, StringComparison.Ordinal));
}
