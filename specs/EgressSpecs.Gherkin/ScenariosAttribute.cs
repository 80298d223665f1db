using System.Reflection;
using EgressSpecs.Gherkin.Discovery;
using EgressSpecs.Gherkin.Parsing;
using Xunit;
using Xunit.Sdk;
using Xunit.v3;

namespace EgressSpecs.Gherkin;

/// <summary>
/// Yields one xunit test per scenario and per example row of a feature file: the arguments are the
/// feature's path and the pickle's index, both serializable so each row is its own test case.
/// </summary>
/// <param name="featurePath">Path of the <c>.feature</c> file relative to the test output folder.</param>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class ScenariosAttribute(string featurePath) : DataAttribute
{
    /// <summary>
    /// Scenarios carrying this tag are reported as skipped, as Reqnroll's generators do. They are skipped when they
    /// run rather than at discovery, so the reports count them like any other skip.
    /// </summary>
    public const string IgnoreTag = "ignore";

    public string FeaturePath { get; } = FeatureCatalog.Normalize(featurePath);

    public override ValueTask<IReadOnlyCollection<ITheoryDataRow>> GetData(MethodInfo testMethod, DisposalTracker disposalTracker) =>
        new(ScenarioRows.Of(FeatureCatalog.Get(FeaturePath)));

    public override bool SupportsDiscoveryEnumeration() => true;
}
