using EgressSpecs.Gherkin.Tests.Support;
using Reqnroll;
using Xunit;

namespace EgressSpecs.Gherkin.Tests.StepDefinitions;

[Binding]
public sealed class HookSteps(ScenarioJournal journal)
{
    // Declared before "first" on purpose: Order, not source order, decides.
    [BeforeScenario("hooks", Order = 20)]
    public void Second() => journal.Hooks.Add("second");

    [BeforeScenario("hooks", Order = 10)]
    public void First() => journal.Hooks.Add("first");

    [AfterScenario("hooks")]
    public void After() => journal.Hooks.Add("after");

    [Then("the hooks ran in the order {string}")]
    public void HooksRanInOrder(string expected) => Assert.Equal(expected, string.Join(", ", journal.Hooks));

    [Then("no after-scenario hook has run")]
    public void NoAfterScenarioHookYet() => Assert.DoesNotContain("after", journal.Hooks);
}
