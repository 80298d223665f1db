using Reqnroll;
using Xunit;

namespace EgressSpecs.Gherkin.Tests.StepDefinitions;

[Binding]
public sealed class OutcomeSteps
{
    [When("a step fails with {string}")]
    public void StepFails(string message) => Assert.Fail(message);

    [Given("the step skips because {string}")]
    public void StepSkips(string reason) => Assert.Skip(reason);

    [BeforeScenario("skip-in-hook")]
    public void SkipFromHook() => Assert.Skip("the cluster target is not configured");
}
