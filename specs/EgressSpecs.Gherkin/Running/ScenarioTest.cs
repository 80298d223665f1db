using System.Diagnostics;
using System.Reflection;
using EgressSpecs.Gherkin.Discovery;
using EgressSpecs.Gherkin.Parsing;
using EgressSpecs.Gherkin.Reporting;
using Xunit;
using Xunit.Sdk;

namespace EgressSpecs.Gherkin.Running;

/// <summary>
/// One scenario as an xunit test: runs it (unless the test run did not start, or the scenario is ignored), records
/// its outcome for the reports, and hands xunit an outcome that reads well in a console: a skip with its reason and
/// no step output, a failure with its message and the test project's own stack frames only.
/// </summary>
internal static class ScenarioTest
{
    public static async Task RunAsync(Assembly testAssembly, string featurePath, int pickleIndex)
    {
        var feature = FeatureCatalog.Get(featurePath);
        var outcome = Describe(feature, featurePath, pickleIndex);
        var output = ScenarioOutput.Begin();
        var clock = Stopwatch.StartNew();
        try
        {
            if (RunStart.Failure is { } notStarted)
            {
                ScenarioOutcomes.Record(outcome with
                {
                    Result = ScenarioResult.Failed,
                    Message = $"The test run did not start: {RunStart.Reason(notStarted)}",
                    FailureType = notStarted.GetType().FullName,
                });
                throw RunStart.ScenarioException(notStarted);
            }

            if (outcome.Tags.Contains(ScenariosAttribute.IgnoreTag))
            {
                Assert.Skip($"Ignored with @{ScenariosAttribute.IgnoreTag}");
            }

            if (feature.SkipReason is { } reason)
            {
                Assert.Skip(reason);
            }

            await ScenarioRunner.RunAsync(testAssembly, featurePath, pickleIndex);
            ScenarioOutcomes.Record(outcome with { Duration = clock.Elapsed, Output = Text(output) });
            WriteToTest(output);
        }
        catch (RunNotStartedException)
        {
            throw;
        }
        catch (Exception exception) when (ScenarioOutcomeClassifier.IsSkip(exception))
        {
            // The steps of a skipped scenario did not run: their output would only say so, line after line.
            ScenarioOutcomes.Record(outcome with
            {
                Result = ScenarioResult.Skipped,
                Message = ScenarioOutcomeClassifier.SkipReason(exception),
                Duration = clock.Elapsed,
            });
            throw;
        }
        catch (Exception exception)
        {
            ScenarioOutcomes.Record(outcome with
            {
                Result = ScenarioResult.Failed,
                Message = ScenarioFailedException.MessageOf(exception),
                FailureType = exception.GetType().FullName,
                Details = exception.ToString(),
                Duration = clock.Elapsed,
                Output = Text(output),
            });
            WriteToTest(output);
            throw ScenarioFailedException.From(exception);
        }
    }

    private static ScenarioOutcome Describe(GherkinFeature feature, string featurePath, int pickleIndex)
    {
        var path = FeatureCatalog.Normalize(featurePath);
        if (pickleIndex < 0 || pickleIndex >= feature.Pickles.Count)
        {
            return new ScenarioOutcome(path, feature.Title, $"{feature.Title}: scenario #{pickleIndex}", ScenarioResult.Passed)
            {
                PickleIndex = pickleIndex,
            };
        }

        var pickle = feature.Pickles[pickleIndex];
        return new ScenarioOutcome(path, feature.Title, ScenarioNaming.DisplayName(feature, pickle), ScenarioResult.Passed)
        {
            PickleIndex = pickleIndex,
            Rule = feature.ScenarioOf(pickle).Rule?.Name,
            Tags = ScenarioNaming.Tags(pickle),
        };
    }

    private static string Text(System.Text.StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }

    private static void WriteToTest(System.Text.StringBuilder output)
    {
        var text = Text(output);
        if (text.Length > 0)
        {
            TestContext.Current.TestOutputHelper?.Write(text);
        }
    }
}
