using EgressSpecs.Environments;
using Reqnroll;
using Reqnroll.BoDi;

namespace EgressSpecs.Specs.Support;

/// <summary>
/// One target per test run, chosen by EGRESS_SPECS_TARGET; every scenario gets it through context injection
/// and never learns which target it is.
/// </summary>
[Binding]
internal sealed class TargetHooks
{
    private static IEgressTarget? _target;

    [BeforeTestRun(Order = 0)]
    public static async Task StartTargetAsync()
    {
        var target = EgressTargets.FromEnvironment();
        await target.StartAsync(TestContext.Current.CancellationToken);
        _target = target;
    }

    [AfterTestRun]
    public static async Task StopTargetAsync()
    {
        if (_target is { } target)
        {
            _target = null;
            await target.DisposeAsync();
        }
    }

    [BeforeScenario(Order = 0)]
    public static void ProvideTarget(IObjectContainer container) =>
        container.RegisterInstanceAs(_target ?? throw new InvalidOperationException("The target did not start: see the test run's first error."));

    [AfterScenario(Order = 0)]
    public static async Task ReportDiagnosticsOnFailureAsync(ScenarioContext scenario, IEgressTarget target, IReqnrollOutputHelper output)
    {
        if (scenario.TestError is null || scenario.ScenarioExecutionStatus == ScenarioExecutionStatus.Skipped)
        {
            return;
        }

        // A failing scenario carries what the target saw, so the report explains it without a rerun.
        output.WriteLine(await target.DiagnosticsAsync(CancellationToken.None));
    }
}
