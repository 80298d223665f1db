using System.Xml.Linq;
using EgressSpecs.Gherkin.Tests.Support;
using Xunit;

namespace EgressSpecs.Gherkin.Tests.EndToEnd;

/// <summary>
/// Runs the explicit Outcomes feature in a child process, as the suite's script would, and checks
/// every report it leaves behind: Reqnroll's html living doc, summary.md and xunit's JUnit file.
/// </summary>
public sealed class ReportRunTests : IDisposable
{
    private readonly string _reportDirectory = Path.Combine(Path.GetTempPath(), "egress-specs-" + Path.GetRandomFileName());

    [Fact]
    public async Task Run_OutcomesFeatureWithReportDirectory_WritesHtmlSummaryAndJunitThere()
    {
        // Given
        var environment = new Dictionary<string, string> { ["EGRESS_SPECS_REPORT_DIR"] = _reportDirectory };

        // When
        var (exitCode, output) = await TestExecutable.RunAsync(
            environment,
            "--explicit", "only",
            "--filter-trait", "Category=outcomes",
            "--report-xunit-junit", "--report-xunit-junit-filename", "junit.xml",
            "--results-directory", _reportDirectory);

        // Then
        Assert.True(exitCode != 0, $"Failing scenarios must fail the run.{Environment.NewLine}{output}");
        Assert.Equal(
            """
            # Scenario summary

            | Feature | Passed | Failed | Skipped |
            |---|---:|---:|---:|
            | Outcomes | 1 | 2 | 2 |
            | **Total** | 1 | 2 | 2 |

            ## Failed scenarios

            - Outcomes: A failing step
            - Outcomes: An undefined step

            """.ReplaceLineEndings(),
            File.ReadAllText(Path.Combine(_reportDirectory, "summary.md")));

        var html = File.ReadAllText(Path.Combine(_reportDirectory, "living-doc.html"));
        Assert.Contains("A skipping step", html, StringComparison.Ordinal);
        Assert.Contains("the proxy answered 502", html, StringComparison.Ordinal);

        var suite = XDocument.Load(Path.Combine(_reportDirectory, "junit.xml")).Descendants("testsuite").Single();
        Assert.Equal(("5", "2", "2"), ((string?)suite.Attribute("tests"), (string?)suite.Attribute("failures"), (string?)suite.Attribute("skipped")));
        Assert.Contains(suite.Elements("testcase"), c => (string?)c.Attribute("name") == "Outcomes: An undefined step");
    }

    public void Dispose()
    {
        if (Directory.Exists(_reportDirectory))
        {
            Directory.Delete(_reportDirectory, recursive: true);
        }
    }
}
