using System.Collections.Concurrent;
using System.Reflection;
using EgressSpecs.Gherkin.Parsing;
using EgressSpecs.Gherkin.Reporting;
using Reqnroll;
using Xunit;
using Xunit.v3;

namespace EgressSpecs.Gherkin;

/// <summary>
/// The Reqnroll test run of one test assembly, as an xunit assembly fixture: starts it (before-test-run
/// hooks, formatters) before the first scenario, and at the end releases every feature, ends the run
/// (after-test-run hooks, html report) and writes <c>summary.md</c>. Declare it in the consuming project
/// with <c>[assembly: AssemblyFixture(typeof(ReqnrollTestRun))]</c>.
/// </summary>
public sealed class ReqnrollTestRun : IAsyncLifetime
{
    private static readonly ConcurrentDictionary<Assembly, ReqnrollTestRun> Started = new();

    private Assembly? _testAssembly;

    /// <summary>The folder that receives summary.md (and, through reqnroll.json, the html report).</summary>
    public string ReportDirectory { get; private set; } = string.Empty;

    public async ValueTask InitializeAsync()
    {
        _testAssembly = (TestContext.Current.TestAssembly as ICoreTestAssembly)?.Assembly
            ?? throw new InvalidOperationException("ReqnrollTestRun must be used as an xunit assembly fixture.");
        // Before the runtime starts: the formatters read the folder from the environment when they configure.
        ReportDirectory = ReportLocation.Prepare();
        await TestRunnerManager.OnTestRunStartAsync(_testAssembly);
        Started[_testAssembly] = this;
    }

    public async ValueTask DisposeAsync()
    {
        if (_testAssembly is null)
        {
            return;
        }

        Started.TryRemove(_testAssembly, out _);
        try
        {
            foreach (var feature in FeatureCatalog.Loaded)
            {
                await TestRunnerManager.ReleaseFeatureAsync(feature.FeatureInfo, _testAssembly);
            }

            await TestRunnerManager.OnTestRunEndAsync(_testAssembly);
        }
        finally
        {
            SummaryWriter.Write(ReportDirectory, ScenarioOutcomes.Snapshot());
        }
    }

    internal static void EnsureStarted(Assembly testAssembly)
    {
        if (!Started.ContainsKey(testAssembly))
        {
            throw new InvalidOperationException(
                $"The Reqnroll test run of {testAssembly.GetName().Name} has not started: add " +
                "[assembly: AssemblyFixture(typeof(EgressSpecs.Gherkin.ReqnrollTestRun))] to the test project.");
        }
    }
}
