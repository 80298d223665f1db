using EgressSpecs.Environments;
using EgressSpecs.Gherkin;
using Reqnroll;

namespace EgressSpecs.Specs.Support;

/// <summary>
/// A malformed contract file stops the run before the target starts, as a target that cannot start does: the run fails
/// with the file, line and field at fault, once, near the top of the console and in summary.md.
/// </summary>
[Binding]
internal sealed class ContractHooks
{
    [BeforeTestRun(Order = -50)]
    public static void UseTheContractOrStop(RunDescription run)
    {
        var state = ContractFile.Current;
        if (state.Problem is { } problem)
        {
            throw new InvalidDataException(
                $"The egress contract cannot be used: {problem.Message.TrimEnd('.')}. Fix the file, or run without {EgressEnvironmentVariables.Contract}.", problem);
        }

        if (state.Contract is { } contract)
        {
            run.Add("Contract", $"{contract.File} ({contract.Counts})");
        }
    }
}
