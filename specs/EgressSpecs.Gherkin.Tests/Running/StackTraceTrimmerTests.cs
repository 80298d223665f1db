using EgressSpecs.Gherkin.Running;
using Xunit;

namespace EgressSpecs.Gherkin.Tests.Running;

public sealed class StackTraceTrimmerTests
{
    [Fact]
    public void Trim_StepFailureTrace_KeepsOnlyTheTestProjectsFrames()
    {
        // Given: a failing step's trace as the Reqnroll runtime rethrows it through this adapter.
        var trace = string.Join('\n',
            "   at EgressSpecs.Specs.StepDefinitions.ResponseSteps.ThenTheAppReceivesStatus(Int32 status) in /src/ResponseSteps.cs:line 12",
            "   at InvokeStub_Action`2.Invoke(Object, Span`1)",
            "   at System.Reflection.MethodBaseInvoker.InvokeWithFewArgs(Object obj, BindingFlags invokeAttr)",
            "--- End of stack trace from previous location ---",
            "   at Reqnroll.Bindings.BindingInvoker.InvokeBindingAsync(IBinding binding)",
            "   at EgressSpecs.Specs.Drivers.AppDriver.SendAsync(AppRequest request) in /src/AppDriver.cs:line 30",
            "   at Reqnroll.TestRunner.CollectScenarioErrorsAsync()",
            "   at EgressSpecs.Gherkin.Running.ScenarioRunner.RunAsync(Assembly testAssembly, String featurePath, Int32 pickleIndex) in /src/ScenarioRunner.cs:line 38",
            "   at EgressSpecs.Gherkin.FeatureTests.RunAsync(String feature, Int32 pickle) in /src/FeatureTests.cs:line 30",
            "   at Xunit.v3.TestInvoker.InvokeAsync()");

        // When
        var trimmed = StackTraceTrimmer.Trim(trace);

        // Then
        Assert.Equal(
            string.Join(Environment.NewLine,
                "   at EgressSpecs.Specs.StepDefinitions.ResponseSteps.ThenTheAppReceivesStatus(Int32 status) in /src/ResponseSteps.cs:line 12",
                "   at EgressSpecs.Specs.Drivers.AppDriver.SendAsync(AppRequest request) in /src/AppDriver.cs:line 30"),
            trimmed);
    }

    [Fact]
    public void Trim_FramesOfATestProjectNamedLikeTheAdapter_KeepsThem()
    {
        // Given
        var trace = "   at EgressSpecs.Gherkin.Tests.StepDefinitions.OutcomeSteps.StepFails(String message) in /src/OutcomeSteps.cs:line 10";

        // When
        var trimmed = StackTraceTrimmer.Trim(trace);

        // Then
        Assert.Equal(trace, trimmed);
    }

    [Fact]
    public void Trim_OnlyFrameworkFrames_IsNull()
    {
        // Given: an undefined step fails inside the runtime; its message (with the snippet) says it all.
        var trace = "   at Reqnroll.ErrorHandling.ErrorProvider.ThrowPendingError(ScenarioExecutionStatus testStatus, String message)";

        // When
        var trimmed = StackTraceTrimmer.Trim(trace);

        // Then
        Assert.Null(trimmed);
    }
}
