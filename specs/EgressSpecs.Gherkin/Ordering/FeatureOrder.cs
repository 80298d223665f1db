using System.Reflection;
using EgressSpecs.Gherkin.Parsing;

namespace EgressSpecs.Gherkin.Ordering;

/// <summary>Where a feature stands in the order the test assembly declares with <see cref="FeatureOrderAttribute"/>.</summary>
internal sealed class FeatureOrder
{
    private readonly string[] _entries;

    public FeatureOrder(IEnumerable<string> entries) =>
        _entries = [.. entries.Select(e => FeatureCatalog.Normalize(e).TrimEnd('/')).Where(e => e.Length > 0)];

    /// <summary>No declared order: features go by path.</summary>
    public static FeatureOrder None { get; } = new([]);

    /// <summary>The order in use for this process's test run (set when the run starts).</summary>
    public static FeatureOrder Current { get; set; } = None;

    public static FeatureOrder Of(Assembly testAssembly) =>
        testAssembly.GetCustomAttribute<FeatureOrderAttribute>() is { } declared ? new(declared.Paths) : None;

    /// <summary>The 1-based position of the first entry naming the feature (its file or a folder above it), or null.</summary>
    public int? PositionOf(string featurePath)
    {
        var path = FeatureCatalog.Normalize(featurePath);
        for (var index = 0; index < _entries.Length; index++)
        {
            var entry = _entries[index];
            if (path.Equals(entry, StringComparison.Ordinal) || path.StartsWith(entry + "/", StringComparison.Ordinal))
            {
                return index + 1;
            }
        }

        return null;
    }

    /// <summary>Listed features by position, then the others by path.</summary>
    public IComparer<string> PathComparer => Comparer<string>.Create((x, y) =>
    {
        var byPosition = (PositionOf(x) ?? int.MaxValue).CompareTo(PositionOf(y) ?? int.MaxValue);
        return byPosition != 0 ? byPosition : StringComparer.Ordinal.Compare(FeatureCatalog.Normalize(x), FeatureCatalog.Normalize(y));
    });
}
