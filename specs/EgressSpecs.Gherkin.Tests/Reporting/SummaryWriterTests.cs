using EgressSpecs.Gherkin.Reporting;
using Xunit;

namespace EgressSpecs.Gherkin.Tests.Reporting;

public sealed class SummaryWriterTests
{
    [Fact]
    public void Render_OutcomesOfTwoFeatures_CountsPerFeatureAndListsFailedScenarios()
    {
        // Given
        ScenarioOutcome[] outcomes =
        [
            new("Forwarding", "Forwarding: Path is kept", ScenarioResult.Passed),
            new("Forwarding", "Forwarding: Body is streamed [10 MB]", ScenarioResult.Failed),
            new("DNS rule", "DNS rule: Owner name equals the question", ScenarioResult.Passed),
            new("DNS rule", "DNS rule: Linkerd metrics", ScenarioResult.Skipped),
        ];

        // When
        var markdown = SummaryWriter.Render(outcomes);

        // Then
        Assert.Equal(
            """
            # Scenario summary

            | Feature | Passed | Failed | Skipped |
            |---|---:|---:|---:|
            | DNS rule | 1 | 0 | 1 |
            | Forwarding | 1 | 1 | 0 |
            | **Total** | 2 | 1 | 1 |

            ## Failed scenarios

            - Forwarding: Body is streamed [10 MB]

            """.ReplaceLineEndings(),
            markdown);
    }

    [Fact]
    public void Write_MissingFolder_CreatesItAndWritesSummaryMd()
    {
        // Given
        var folder = Path.Combine(Path.GetTempPath(), Path.GetRandomFileName(), "reports");

        try
        {
            // When
            var path = SummaryWriter.Write(folder, [new("Basics", "Basics: A", ScenarioResult.Passed)]);

            // Then
            Assert.Equal(Path.Combine(folder, "summary.md"), path);
            Assert.Contains("| Basics | 1 | 0 | 0 |", File.ReadAllText(path), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(folder)!, recursive: true);
        }
    }
}
