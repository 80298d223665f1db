using System.Reflection;
using EgressSpecs.Gherkin.Parsing;
using Reqnroll;

namespace EgressSpecs.Gherkin.Running;

/// <summary>
/// Runs one pickle on the Reqnroll runtime with the call sequence that Reqnroll's generated code uses.
/// Each call takes its own runner from the pool, so scenarios share no mutable state.
/// </summary>
internal static class ScenarioRunner
{
    public static async Task RunAsync(Assembly testAssembly, string featurePath, int pickleIndex)
    {
        ReqnrollTestRun.EnsureStarted(testAssembly);
        var feature = FeatureCatalog.Get(featurePath);
        if (pickleIndex < 0 || pickleIndex >= feature.Pickles.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(pickleIndex), pickleIndex, $"{featurePath} has {feature.Pickles.Count} scenarios.");
        }

        var runner = TestRunnerManager.GetTestRunnerForAssembly(testAssembly, featureHint: feature.FeatureInfo);
        try
        {
            await StartFeatureAsync(runner, feature.FeatureInfo);
            runner.OnScenarioInitialize(
                ScenarioInfoFactory.ScenarioInfo(feature, pickleIndex),
                ScenarioInfoFactory.RuleInfo(feature, pickleIndex));
            try
            {
                if (runner.FeatureContext?.BeforeFeatureHookFailed == true)
                {
                    throw new ReqnrollException("Scenario skipped because of previous before feature hook error");
                }

                await runner.OnScenarioStartAsync();
                await StepReplayer.ReplayAsync(runner, feature, feature.Pickles[pickleIndex]);
                await runner.CollectScenarioErrorsAsync();
            }
            finally
            {
                await runner.OnScenarioEndAsync();
            }
        }
        finally
        {
            TestRunnerManager.ReleaseTestRunner(runner);
        }
    }

    private static async Task StartFeatureAsync(ITestRunner runner, FeatureInfo featureInfo)
    {
        // A pooled runner may still hold the feature it ran last: end that one first.
        if (runner.FeatureContext is { } context && !ReferenceEquals(context.FeatureInfo, featureInfo))
        {
            await runner.OnFeatureEndAsync();
        }

        if (runner.FeatureContext is null)
        {
            await runner.OnFeatureStartAsync(featureInfo);
        }
    }
}
