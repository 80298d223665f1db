using Reqnroll;
using Reqnroll.UnitTestProvider;
using Xunit;
using Xunit.Sdk;

namespace EgressSpecs.Gherkin.Running;

/// <summary>Maps Reqnroll's pending, inconclusive and ignore signals onto xunit v3 outcomes.</summary>
internal sealed class XunitRuntimeProvider : IUnitTestRuntimeProvider
{
    public void TestPending(string message) => throw new XunitException($"Test pending: {message}");

    public void TestInconclusive(string message) => throw new XunitException($"Test inconclusive: {message}");

    public void TestIgnore(string message) => Assert.Skip(message);

    // Assert.Skip from a step or hook makes the scenario Skipped instead of failed.
    public ScenarioExecutionStatus? DetectExecutionStatus(Exception exception) =>
        ScenarioOutcomeClassifier.IsSkip(exception) ? ScenarioExecutionStatus.Skipped : null;
}
