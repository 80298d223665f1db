using EgressSpecs.Contracts;
using EgressSpecs.Environments;

namespace EgressSpecs.Specs.Support;

/// <summary>
/// The contract file named by <c>EGRESS_SPECS_CONTRACT</c>, read once per process: the same contract generates the
/// scenarios when the tests are discovered and is checked when the run starts.
/// </summary>
internal static class ContractFile
{
    private static readonly Lazy<ContractFileState> State = new(Read);

    public static ContractFileState Current => State.Value;

    private static ContractFileState Read()
    {
        if (Environment.GetEnvironmentVariable(EgressEnvironmentVariables.Contract)?.Trim() is not { Length: > 0 } named)
        {
            return new ContractFileState(null, null);
        }

        try
        {
            return new ContractFileState(ContractReader.Read(named), null);
        }
        catch (ContractException problem)
        {
            return new ContractFileState(null, problem);
        }
    }
}

/// <summary>The contract, or why it cannot be used, or neither when no file was named.</summary>
internal sealed record ContractFileState(EgressContract? Contract, ContractException? Problem);
