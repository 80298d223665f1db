using System.Globalization;
using Gherkin;
using Gherkin.CucumberMessages;
using Gherkin.CucumberMessages.Pickles;
using Io.Cucumber.Messages.Types;
using Reqnroll;
using GherkinDocument = Io.Cucumber.Messages.Types.GherkinDocument;

namespace EgressSpecs.Gherkin.Parsing;

/// <summary>
/// One parsed <c>.feature</c> file: its Cucumber messages, its compiled pickles (backgrounds, rule
/// backgrounds and outline rows expanded) and the single <see cref="FeatureInfo"/> the Reqnroll runtime
/// compares by reference.
/// </summary>
internal sealed class GherkinFeature
{
    private readonly Dictionary<string, ScenarioNode> _scenarios;
    private readonly Dictionary<string, Step> _steps;
    private readonly Dictionary<string, ExampleRow> _exampleRows;

    private GherkinFeature(string relativePath, Source source, GherkinDocument document, IReadOnlyList<Pickle> pickles, string? skipReason)
    {
        Path = relativePath;
        Text = source.Data;
        SkipReason = skipReason;
        Pickles = pickles;
        var feature = document.Feature ?? throw new InvalidDataException($"{relativePath} has no Feature.");
        Title = feature.Name;
        ButKeywords = new GherkinDialectProvider("en").GetDialect(feature.Language, null).ButStepKeywords;

        _scenarios = [];
        _steps = [];
        _exampleRows = [];
        foreach (var child in feature.Children)
        {
            Index(child.Background?.Steps);
            Index(child.Scenario, rule: null);
            if (child.Rule is { } rule)
            {
                foreach (var ruleChild in rule.Children)
                {
                    Index(ruleChild.Background?.Steps);
                    Index(ruleChild.Scenario, rule);
                }
            }
        }

        var folder = System.IO.Path.GetDirectoryName(relativePath)?.Replace('\\', '/') ?? string.Empty;
        FeatureInfo = new FeatureInfo(
            new CultureInfo(feature.Language),
            folder,
            feature.Name,
            feature.Description,
            ProgrammingLanguage.CSharp,
            TagNames(feature.Tags),
            new FeatureMessages(source, document, pickles));
    }

    /// <summary>The feature's path relative to the test output folder (or a generated feature's name), with forward slashes.</summary>
    public string Path { get; }

    /// <summary>The Gherkin text the feature was parsed from.</summary>
    public string Text { get; }

    /// <summary>Why every scenario of this feature is skipped before its first step, or null (see <see cref="GeneratedFeature.SkipReason"/>).</summary>
    public string? SkipReason { get; }

    public string Title { get; }

    public IReadOnlyList<Pickle> Pickles { get; }

    public FeatureInfo FeatureInfo { get; }

    public IReadOnlyCollection<string> ButKeywords { get; }

    public static GherkinFeature Parse(string relativePath, string text, string? skipReason = null)
    {
        var uri = relativePath.Replace('\\', '/');
        var ast = new Parser().Parse(new StringReader(text));
        // One GUID-based generator for both passes: pickles point at AST ids, and ids must not clash across features.
        var ids = new GuidIdGenerator();
        var document = new AstMessagesConverter(ids).ConvertGherkinDocumentToEventArgs(ast, uri);
        var pickles = new PickleCompiler(ids).Compile(document);
        var source = new Source(uri, text, SourceMediaType.TEXT_X_CUCUMBER_GHERKIN_PLAIN);
        return new GherkinFeature(uri, source, document, pickles, skipReason);
    }

    public ScenarioNode ScenarioOf(Pickle pickle) => _scenarios[pickle.AstNodeIds[0]];

    /// <summary>The example row a pickle was expanded from, or null for a plain scenario.</summary>
    public ExampleRow? ExampleRowOf(Pickle pickle) =>
        pickle.AstNodeIds.Count > 1 && _exampleRows.TryGetValue(pickle.AstNodeIds[1], out var row) ? row : null;

    public Step StepOf(PickleStep pickleStep) => _steps[pickleStep.AstNodeIds[0]];

    public static string[] TagNames(IEnumerable<Tag> tags) => [.. tags.Select(t => t.Name.TrimStart('@'))];

    private void Index(IEnumerable<Step>? steps)
    {
        foreach (var step in steps ?? [])
        {
            _steps[step.Id] = step;
        }
    }

    private void Index(Scenario? scenario, Rule? rule)
    {
        if (scenario is null)
        {
            return;
        }

        _scenarios[scenario.Id] = new ScenarioNode(scenario, rule);
        Index(scenario.Steps);
        foreach (var examples in scenario.Examples)
        {
            var header = examples.TableHeader?.Cells.Select(c => c.Value).ToArray() ?? [];
            foreach (var row in examples.TableBody)
            {
                _exampleRows[row.Id] = new ExampleRow(examples, header, [.. row.Cells.Select(c => c.Value)]);
            }
        }
    }
}

/// <summary>A scenario (or outline) of the AST with the rule it belongs to, if any.</summary>
internal sealed record ScenarioNode(Scenario Scenario, Rule? Rule);

/// <summary>One row of an outline's Examples table, with the table's header.</summary>
internal sealed record ExampleRow(Examples Examples, IReadOnlyList<string> Header, IReadOnlyList<string> Values);
