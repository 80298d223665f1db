using Reqnroll;
using Reqnroll.UnitTestProvider;
using Xunit;
using Xunit.Sdk;

namespace EgressSpecs.Gherkin.Running;

/// <summary>Maps Reqnroll's pending, inconclusive and ignore signals onto xunit v3 outcomes.</summary>
internal sealed class XunitRuntimeProvider : IUnitTestRuntimeProvider
{
    public void TestPending(string message) => throw new XunitException($"Test pending: {SentenceApart(message)}");

    public void TestInconclusive(string message) => throw new XunitException($"Test inconclusive: {message}");

    public void TestIgnore(string message) => Assert.Skip(message);

    // Reqnroll's message for an undefined step is a sentence, then the code to write on the next line: a blank line
    // between them makes the sentence the message's first paragraph, the part one-line summaries show.
    private static string SentenceApart(string message) =>
        message.IndexOf('\n', StringComparison.Ordinal) is var end and > 0
            ? $"{message[..end].TrimEnd('\r')}\n\n{message[(end + 1)..]}"
            : message;

    // Assert.Skip from a step or hook makes the scenario Skipped instead of failed.
    public ScenarioExecutionStatus? DetectExecutionStatus(Exception exception) =>
        ScenarioOutcomeClassifier.IsSkip(exception) ? ScenarioExecutionStatus.Skipped : null;
}
