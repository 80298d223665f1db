using EgressSpecs.Contracts;
using EgressSpecs.Environments;
using EgressSpecs.Gherkin;
using EgressSpecs.Specs.Support;

namespace EgressSpecs.Specs.Features;

/// <summary>
/// The contract feature's text: the contract file's entries as scenarios, or a placeholder that is skipped with the reason
/// when there is none. A malformed file stops the run at its start (<see cref="ContractHooks"/>).
/// </summary>
internal sealed class ContractFeatureSource : IFeatureSource
{
    /// <summary>What the reports call the generated feature (no such file exists), and where <see cref="FeatureOrderAttribute"/> places it.</summary>
    public const string FeaturePath = "Contract/EgressContract.feature";

    public static readonly string NoContractReason =
        $"no contract file was given: set {EgressEnvironmentVariables.Contract}=path/to/contract.yaml (or pass --contract FILE to scripts/specs.sh) " +
        "to check what this egress must allow and refuse (docs/clusters.md)";

    public GeneratedFeature Generate() => ContractFile.Current switch
    {
        { Contract: { } contract } => new(FeaturePath, ContractGherkin.Write(contract, SuiteThirdParties.Hosts)),
        { Problem: { } problem } => new(FeaturePath, ContractGherkin.Placeholder("The contract file cannot be used")) { SkipReason = problem.Message },
        _ => new(FeaturePath, ContractGherkin.Placeholder(ContractGherkin.NoContractScenario)) { SkipReason = NoContractReason },
    };
}
