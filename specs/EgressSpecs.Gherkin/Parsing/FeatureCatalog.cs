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
                $"Feature file '{relativePath}' is not in the test output folder; copy it with " +
                "<None Update=\"Features/**/*.feature\" CopyToOutputDirectory=\"PreserveNewest\" />.",
                fullPath);
        }

        return GherkinFeature.Parse(relativePath, File.ReadAllText(fullPath));
    }
}
