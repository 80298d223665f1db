namespace EgressSpecs.Gherkin;

/// <summary>
/// The order in which the reports (living doc, summary.md, junit.xml) present the features of the test assembly,
/// so they read in the order the subject does rather than alphabetically by path. Each entry is a feature file's
/// path or a folder of them, relative to the test output folder as in <see cref="ScenariosAttribute"/>. Features
/// no entry names follow the listed ones, by path.
/// <code>
/// [assembly: FeatureOrder("Features/Forwarding", "Features/Tls", "Features/Policy")]
/// </code>
/// </summary>
[AttributeUsage(AttributeTargets.Assembly)]
public sealed class FeatureOrderAttribute(params string[] paths) : Attribute
{
    public IReadOnlyList<string> Paths { get; } = paths;
}
