using System.Collections.Concurrent;
using System.Diagnostics;
using System.Reflection;
using EgressSpecs.Gherkin.Comparison;
using EgressSpecs.Gherkin.Ordering;
using EgressSpecs.Gherkin.Parsing;
using EgressSpecs.Gherkin.Reporting;
using EgressSpecs.Gherkin.Running;
using Reqnroll;
using Xunit;
using Xunit.v3;

namespace EgressSpecs.Gherkin;

/// <summary>
/// The Reqnroll test run of one test assembly, as an xunit assembly fixture: starts it (before-test-run hooks,
/// formatters) before the first scenario, and at the end releases every feature, ends the run (after-test-run
/// hooks, living doc) and writes summary.md and junit.xml. Declare it in the consuming project with
/// <c>[assembly: AssemblyFixture(typeof(ReqnrollTestRun))]</c>.
/// A before-test-run hook that throws does not fail the fixture (xunit would then repeat the exception and its
/// stack trace under every test): the run is marked as not started, and each scenario fails with one line.
/// </summary>
public sealed class ReqnrollTestRun : IAsyncLifetime
{
    private static readonly ConcurrentDictionary<Assembly, ReqnrollTestRun> Started = new();

    private Assembly? _testAssembly;
    private DateTimeOffset _startedAt;
    private readonly Stopwatch _clock = new();
    private Baseline? _baseline;
    private string? _baselineProblem;

    /// <summary>The folder that receives summary.md, junit.xml and (through reqnroll.json) the living doc.</summary>
    public string ReportDirectory { get; private set; } = string.Empty;

    public async ValueTask InitializeAsync()
    {
        _testAssembly = (TestContext.Current.TestAssembly as ICoreTestAssembly)?.Assembly
            ?? throw new InvalidOperationException("ReqnrollTestRun must be used as an xunit assembly fixture.");
        _startedAt = DateTimeOffset.UtcNow;
        _clock.Start();
        // Read before the report folder is cleared: the baseline may be the folder this run writes to.
        ReadBaseline();
        // Before the runtime starts: the formatters read the folder from the environment when they configure.
        ReportDirectory = ReportLocation.Prepare();
        FeatureOrder.Current = FeatureOrder.Of(_testAssembly);
        RunDescription.Current.Reset(_testAssembly.GetName().Name ?? "tests");
        RunStart.Reset();
        ScenarioOutcomes.Clear();
        Started[_testAssembly] = this;
        try
        {
            await TestRunnerManager.OnTestRunStartAsync(_testAssembly);
        }
        catch (Exception exception)
        {
            RunStart.Fail(exception);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_testAssembly is null)
        {
            return;
        }

        Started.TryRemove(_testAssembly, out _);
        Exception? endFailure = null;
        try
        {
            foreach (var feature in FeatureCatalog.Loaded)
            {
                await TestRunnerManager.ReleaseFeatureAsync(feature.FeatureInfo, _testAssembly);
            }

            await TestRunnerManager.OnTestRunEndAsync(_testAssembly);
        }
        catch (Exception exception)
        {
            endFailure = exception;
            throw;
        }
        finally
        {
            WriteReports(endFailure);
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

    private void ReadBaseline()
    {
        if (Environment.GetEnvironmentVariable(BaselineReader.EnvironmentVariable) is not { Length: > 0 } path)
        {
            return;
        }

        try
        {
            _baseline = BaselineReader.Read(Path.GetFullPath(path));
        }
        catch (BaselineException exception)
        {
            _baselineProblem = exception.Message;
        }
    }

    private void WriteReports(Exception? endFailure)
    {
        var outcomes = RunReport.InReportOrder(ScenarioOutcomes.Snapshot(), FeatureOrder.Current);
        var run = RunDescription.Current;
        var report = new RunReport(run.Name, run.Entries, _startedAt, _clock.Elapsed, outcomes)
        {
            StartFailure = RunStart.Failure is { } failure ? RunProblem.From(failure) : null,
            EndFailure = endFailure is null ? null : RunProblem.From(endFailure),
            Comparison = _baseline is null ? null : BaselineComparison.Compare(_baseline, outcomes),
            BaselineProblem = _baselineProblem,
        };
        SummaryWriter.Write(ReportDirectory, report);
        JunitWriter.Write(ReportDirectory, report);
    }
}
