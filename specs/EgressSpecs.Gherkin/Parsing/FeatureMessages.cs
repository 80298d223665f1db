using Io.Cucumber.Messages.Types;
using Reqnroll.Formatters.RuntimeSupport;

namespace EgressSpecs.Gherkin.Parsing;

/// <summary>
/// The feature-level Cucumber messages that generated code would embed as a resource; Reqnroll's html
/// and message formatters report a feature only when these are present.
/// </summary>
internal sealed class FeatureMessages(Source source, GherkinDocument document, IEnumerable<Pickle> pickles)
    : IFeatureLevelCucumberMessages
{
    public bool HasMessages => true;

    public GherkinDocument GherkinDocument { get; } = document;

    public IEnumerable<Pickle> Pickles { get; } = pickles;

    public Source Source { get; } = source;
}
