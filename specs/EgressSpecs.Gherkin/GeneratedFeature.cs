namespace EgressSpecs.Gherkin;

/// <summary>
/// A feature that exists only in memory: Gherkin text a test project makes when the tests are discovered (from a
/// contract file, say), run and reported exactly like a feature file. No file is read or written.
/// </summary>
public sealed record GeneratedFeature
{
    /// <param name="path">
    /// The name the reports (the living doc's heading, junit.xml's <c>feature-file</c>) and
    /// <see cref="FeatureOrderAttribute"/> know the feature by, written like a feature file's path.
    /// </param>
    /// <param name="text">The Gherkin text.</param>
    public GeneratedFeature(string path, string text)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        Path = path;
        Text = text;
    }

    public string Path { get; }

    public string Text { get; }

    /// <summary>
    /// When set, every scenario of the feature is reported as skipped with this reason, before its first step: a
    /// placeholder that says why there is nothing to run (xunit v3 fails a theory without data rather than listing none).
    /// </summary>
    public string? SkipReason { get; init; }
}
