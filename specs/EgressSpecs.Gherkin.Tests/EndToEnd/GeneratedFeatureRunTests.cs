using System.Xml.Linq;
using EgressSpecs.Gherkin.Tests.Generated;
using Xunit;

namespace EgressSpecs.Gherkin.Tests.EndToEnd;

/// <summary>
/// Generated features in a child process: their scenarios run like a file's, and a placeholder with nothing to run is
/// one skipped scenario with its reason, counted in the reports like any other skip.
/// </summary>
public sealed class GeneratedFeatureRunTests(GeneratedFeatureRunTests.GeneratedRun run) : IClassFixture<GeneratedFeatureRunTests.GeneratedRun>
{
    public sealed class GeneratedRun : SampleRun
    {
        protected override IEnumerable<Type> Classes() => [typeof(GeneratedSampleFeature), typeof(PlaceholderFeature)];
    }

    [Fact]
    public void Run_GeneratedScenariosPassAndPlaceholderSkips_ExitsZero() => Assert.True(run.ExitCode == 0, run.Output);

    [Fact]
    public void SummaryMd_GeneratedFeatures_CountedPerFeatureWithThePlaceholdersReason()
    {
        // Given
        var summary = run.ReadReport("summary.md");

        // When
        var lines = summary.Split('\n').Select(line => line.TrimEnd('\r')).ToList();

        // Then
        Assert.Contains("| Generated sample | 2 | 0 | 0 |", lines);
        Assert.Contains("| Placeholder | 0 | 0 | 1 |", lines);
        Assert.Contains($"- 1 scenario (Placeholder): {PlaceholderFeature.Source.Reason}", lines);
    }

    [Fact]
    public void JunitXml_GeneratedScenario_NamesItsGeneratedPathAsTheFeatureFile()
    {
        // Given
        var junit = XDocument.Load(run.Report("junit.xml"));

        // When
        var testCase = junit.Descendants("testcase").Single(element => (string?)element.Attribute("name") == "Generated sample: The journal notes beta");

        // Then
        var featureFile = testCase.Descendants("property").Single(p => (string?)p.Attribute("name") == "feature-file");
        Assert.Equal(GeneratedSampleFeature.Source.Path, (string?)featureFile.Attribute("value"));
    }
}
