using EgressSpecs.Environments;
using Reqnroll;
using Reqnroll.BoDi;

namespace EgressSpecs.Specs.Support;

/// <summary>
/// One target per test run, chosen by EGRESS_SPECS_TARGET. Before each scenario's first step, one decision: the
/// scenario's <c>@needs-*</c> tags are all it may use; when the target lacks one, the scenario is skipped with the
/// target's reason, else it gets the target limited to what it declared, and never learns which target it is.
/// </summary>
[Binding]
internal sealed class TargetHooks
{
    private static IEgressTarget? _target;

    /// <summary>The run's target once it has started, else null.</summary>
    internal static IEgressTarget? Started => _target;

    [BeforeTestRun(Order = 0)]
    public static async Task StartTargetAsync()
    {
        // A target that cannot run throws TargetUnavailableException: the run fails with its reason rather than passing
        // having verified nothing.
        var target = EgressTargets.FromEnvironment();
        try
        {
            await target.StartAsync(TestContext.Current.CancellationToken);
        }
        catch
        {
            await target.DisposeAsync();
            throw;
        }

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
    public static void ProvideTheDeclaredTargetOrSkip(ScenarioContext scenario, IObjectContainer container)
    {
        var target = _target ?? throw new InvalidOperationException("The target did not start: see the test run's first error.");
        var declared = CapabilityTags.Declared(scenario.ScenarioInfo.CombinedTags);

        // Registered before any skip: after-scenario hooks of a skipped scenario still resolve their drivers.
        container.RegisterInstanceAs<IEgressTarget>(new DeclaredNeedsTarget(target, declared));
        foreach (var capability in declared)
        {
            if (target.Lacks(capability) is { } reason)
            {
                Assert.Skip($"{capability} is not available on the '{target.Name}' target: {reason}");
            }
        }
    }

    [AfterScenario(Order = 0)]
    public static async Task ReportDiagnosticsOnFailureAsync(ScenarioContext scenario, IReqnrollOutputHelper output)
    {
        if (_target is not { } target || scenario.TestError is null || scenario.ScenarioExecutionStatus == ScenarioExecutionStatus.Skipped)
        {
            return;
        }

        // A failing scenario carries what the target saw, so the report explains it without a rerun.
        output.WriteLine(await target.DiagnosticsAsync(CancellationToken.None));
    }
}
