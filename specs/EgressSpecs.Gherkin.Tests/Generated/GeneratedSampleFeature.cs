using Xunit;

namespace EgressSpecs.Gherkin.Tests.Generated;

/// <summary>A feature that exists only in memory, run like a file's: one scenario per entry of a list.</summary>
public sealed class GeneratedSampleFeature : FeatureTests
{
    [Theory, GeneratedScenarios(typeof(Source))]
    public Task Scenario(string feature, int pickle) => RunAsync(feature, pickle);

    /// <summary>Writes one scenario per word, as a contract file's entries become scenarios.</summary>
    public sealed class Source : IFeatureSource
    {
        public const string Path = "Generated/Sample.feature";

        public static readonly string[] Words = ["alpha", "beta"];

        public GeneratedFeature Generate() => new(
            Path,
            "@generated\n" +
            "Feature: Generated sample\n" +
            "  Written in memory when the tests are discovered.\n\n" +
            "  Rule: Each word is noted\n" +
            string.Concat(Words.Select(word =>
                $"\n    @word-{word}\n" +
                $"    Scenario: The journal notes {word}\n" +
                $"      Given the journal notes \"{word}\"\n" +
                $"      Then the journal reads \"{word}\"\n")));
    }
}
