using System.Reflection;
using EgressSpecs.Gherkin.Discovery;
using EgressSpecs.Gherkin.Parsing;
using Xunit;
using Xunit.Sdk;
using Xunit.v3;

namespace EgressSpecs.Gherkin;

/// <summary>
/// Yields one xunit test per scenario of a feature generated in memory by an <see cref="IFeatureSource"/>, named and
/// traited as <see cref="ScenariosAttribute"/> names the scenarios of a file:
/// <code>
/// [Theory, GeneratedScenarios(typeof(ContractFeatureSource))]
/// public Task Scenario(string feature, int pickle) => RunAsync(feature, pickle);
/// </code>
/// The feature is generated in the process that discovers the tests, which is the process that runs them
/// (Microsoft.Testing.Platform runs an xunit v3 test assembly in one process).
/// </summary>
/// <param name="sourceType">A type implementing <see cref="IFeatureSource"/> with a parameterless constructor.</param>
[AttributeUsage(AttributeTargets.Method)]
public sealed class GeneratedScenariosAttribute(Type sourceType) : DataAttribute
{
    public Type SourceType { get; } = sourceType;

    public override ValueTask<IReadOnlyCollection<ITheoryDataRow>> GetData(MethodInfo testMethod, DisposalTracker disposalTracker)
    {
        if (!typeof(IFeatureSource).IsAssignableFrom(SourceType) || SourceType.GetConstructor(Type.EmptyTypes) is null)
        {
            throw new ArgumentException(
                $"{SourceType.FullName} cannot generate a feature: it must implement {nameof(IFeatureSource)} and have a parameterless constructor.");
        }

        var source = (IFeatureSource)Activator.CreateInstance(SourceType)!;
        var feature = FeatureCatalog.Add(source.Generate());
        if (feature.Pickles.Count == 0)
        {
            // xunit v3 fails a theory without data with "No data found": say what to do instead.
            throw new InvalidOperationException(
                $"The feature {SourceType.Name} generated as '{feature.Path}' has no scenario: generate one placeholder scenario with a {nameof(GeneratedFeature.SkipReason)} that says why there is nothing to run.");
        }

        return new(ScenarioRows.Of(feature));
    }

    public override bool SupportsDiscoveryEnumeration() => true;
}
