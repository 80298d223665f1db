using System.Collections.Concurrent;

namespace EgressSpecs.Gherkin.Parsing;

/// <summary>
/// Parses each feature file once per process. Discovery, every scenario of a feature and the formatters
/// must all see the same <see cref="GherkinFeature"/> (the runtime compares FeatureInfo by reference).
/// </summary>
internal static class FeatureCatalog
{
    private static readonly ConcurrentDictionary<string, Lazy<GherkinFeature>> Features = new(StringComparer.Ordinal);

    /// <summary>Loads a feature by its path relative to the test output folder.</summary>
    public static GherkinFeature Get(string relativePath)
    {
        var key = Normalize(relativePath);
        return Features.GetOrAdd(key, path => new Lazy<GherkinFeature>(() => Load(path))).Value;
    }

    /// <summary>
    /// Adds a feature generated in memory (or returns the one already added under its path, when it has the same text):
    /// from then on <see cref="Get"/> finds it by its path, as a file's.
    /// </summary>
    /// <exception cref="InvalidOperationException">Another text was already added or loaded under that path.</exception>
    public static GherkinFeature Add(GeneratedFeature generated)
    {
        var key = Normalize(generated.Path);
        var feature = Features.GetOrAdd(key, path => new Lazy<GherkinFeature>(() => GherkinFeature.Parse(path, generated.Text, generated.SkipReason))).Value;
        if (!string.Equals(feature.Text, generated.Text, StringComparison.Ordinal) || feature.SkipReason != generated.SkipReason)
        {
            throw new InvalidOperationException(
                $"A different feature was already generated or loaded as '{key}' in this process: a feature source must make the same feature every time.");
        }

        return feature;
    }

    /// <summary>Every feature loaded so far, to release at the end of the test run.</summary>
    public static IEnumerable<GherkinFeature> Loaded =>
        Features.Values.Where(f => f.IsValueCreated).Select(f => f.Value);

    public static string Normalize(string relativePath) => relativePath.Replace('\\', '/').TrimStart('/');

    private static GherkinFeature Load(string relativePath)
    {
        var fullPath = Path.Combine(AppContext.BaseDirectory, relativePath);
        if (!File.Exists(fullPath))
        {
            throw new FileNotFoundException(
                $"Feature file '{relativePath}' is not in the test output folder (nor a feature generated in this process); copy it with " +
                "<None Update=\"Features/**/*.feature\" CopyToOutputDirectory=\"PreserveNewest\" />.",
                fullPath);
        }

        return GherkinFeature.Parse(relativePath, File.ReadAllText(fullPath));
    }
}
