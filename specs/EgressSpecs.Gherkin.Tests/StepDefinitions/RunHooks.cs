using Reqnroll;

namespace EgressSpecs.Gherkin.Tests.StepDefinitions;

/// <summary>Describes the sample run for the reports' header, and fails its start when a test asks for it.</summary>
[Binding]
public sealed class RunHooks
{
    /// <summary>When set, the run's start fails with this text as the reason, as a target that cannot start would.</summary>
    public const string FailRunStartVariable = "EGRESS_SPECS_GHERKIN_TESTS_FAIL_RUN_START";

    public const string RunName = "sample";

    [BeforeTestRun(Order = -100)]
    public static void DescribeRun(RunDescription run)
    {
        run.Name = RunName;
        run.Add("Target", "sample");
        run.Add("Commit", "0123abc");
    }

    [BeforeTestRun(Order = 0)]
    public static void FailWhenAsked()
    {
        if (Environment.GetEnvironmentVariable(FailRunStartVariable) is { Length: > 0 } reason)
        {
            throw new InvalidOperationException(reason);
        }
    }
}
