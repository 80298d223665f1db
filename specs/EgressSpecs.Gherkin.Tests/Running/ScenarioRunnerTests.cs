using EgressSpecs.Gherkin.Running;
using Xunit;

namespace EgressSpecs.Gherkin.Tests.Running;

/// <summary>
/// Runs the scenarios of Outcomes.feature in process and checks how each ends, so that scenarios meant
/// to fail never show up as red tests of this suite.
/// </summary>
public sealed class ScenarioRunnerTests
{
    private const int Passing = 0;
    private const int FailingStep = 1;
    private const int UndefinedStep = 2;
    private const int SkippingStep = 3;
    private const int SkippingHook = 4;

    [Fact]
    public async Task RunAsync_AllStepsPass_Completes()
    {
        // Given
        var assembly = typeof(ScenarioRunnerTests).Assembly;

        // When
        var exception = await Record.ExceptionAsync(() => ScenarioRunner.RunAsync(assembly, OutcomesFeature.Path, Passing));

        // Then
        Assert.Null(exception);
    }

    [Fact]
    public async Task RunAsync_StepFails_FailsWithTheStepsMessage()
    {
        // Given
        var assembly = typeof(ScenarioRunnerTests).Assembly;

        // When
        var exception = await Record.ExceptionAsync(() => ScenarioRunner.RunAsync(assembly, OutcomesFeature.Path, FailingStep));

        // Then
        Assert.NotNull(exception);
        Assert.False(ScenarioOutcomeClassifier.IsSkip(exception));
        Assert.Equal("the proxy answered 502", exception.Message);
    }

    [Fact]
    public async Task RunAsync_StepUndefined_FailsWithTheSnippetToWrite()
    {
        // Given
        var assembly = typeof(ScenarioRunnerTests).Assembly;

        // When
        var exception = await Record.ExceptionAsync(() => ScenarioRunner.RunAsync(assembly, OutcomesFeature.Path, UndefinedStep));

        // Then
        Assert.NotNull(exception);
        Assert.False(ScenarioOutcomeClassifier.IsSkip(exception));
        Assert.Contains("No matching step definition found", exception.Message, StringComparison.Ordinal);
        Assert.Contains("[Given(\"a step nobody has written yet with {int} widgets\")]", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_StepCallsAssertSkip_EndsAsSkippedWithTheReason()
    {
        // Given
        var assembly = typeof(ScenarioRunnerTests).Assembly;

        // When
        var exception = await CatchAsync(() => ScenarioRunner.RunAsync(assembly, OutcomesFeature.Path, SkippingStep));

        // Then
        Assert.NotNull(exception);
        Assert.True(ScenarioOutcomeClassifier.IsSkip(exception));
        Assert.Equal("the k3s target is not available", ScenarioOutcomeClassifier.SkipReason(exception));
    }

    [Fact]
    public async Task RunAsync_BeforeScenarioHookCallsAssertSkip_EndsAsSkippedWithTheReason()
    {
        // Given
        var assembly = typeof(ScenarioRunnerTests).Assembly;

        // When
        var exception = await CatchAsync(() => ScenarioRunner.RunAsync(assembly, OutcomesFeature.Path, SkippingHook));

        // Then
        Assert.NotNull(exception);
        Assert.True(ScenarioOutcomeClassifier.IsSkip(exception), exception.ToString());
        Assert.Equal("the cluster target is not configured", ScenarioOutcomeClassifier.SkipReason(exception));
    }

    [Fact]
    public async Task RunAsync_PickleIndexOutOfRange_NamesTheFeatureAndItsScenarioCount()
    {
        // Given
        var assembly = typeof(ScenarioRunnerTests).Assembly;

        // When
        var exception = await Record.ExceptionAsync(() => ScenarioRunner.RunAsync(assembly, OutcomesFeature.Path, 99));

        // Then
        var outOfRange = Assert.IsType<ArgumentOutOfRangeException>(exception);
        Assert.Contains("Features/Outcomes.feature has 7 scenarios", outOfRange.Message, StringComparison.Ordinal);
    }

    // Record.ExceptionAsync lets xunit's skip exception through (it would skip this test), so catch it here.
    private static async Task<Exception?> CatchAsync(Func<Task> run)
    {
        try
        {
            await run();
            return null;
        }
        catch (Exception exception)
        {
            return exception;
        }
    }
}
