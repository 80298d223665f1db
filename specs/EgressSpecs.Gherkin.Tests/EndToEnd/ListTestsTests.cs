using EgressSpecs.Gherkin.Tests.Support;
using Xunit;

namespace EgressSpecs.Gherkin.Tests.EndToEnd;

/// <summary>Listing the scenarios is not a run: the reports of the last run stay as they are.</summary>
public sealed class ListTestsTests : IDisposable
{
    private readonly string _reportDirectory = Directory.CreateTempSubdirectory("egress-specs-").FullName;

    [Fact]
    public async Task ListTests_ReportFolderOfAnEarlierRun_LeavesItsReportsAlone()
    {
        // Given
        File.WriteAllText(Path.Combine(_reportDirectory, "summary.md"), "the earlier run's summary");
        File.WriteAllText(Path.Combine(_reportDirectory, "junit.xml"), "<testsuites />");
        var environment = new Dictionary<string, string> { ["EGRESS_SPECS_REPORT_DIR"] = _reportDirectory };

        // When
        var (exitCode, output) = await TestExecutable.RunAsync(environment, "--list-tests");

        // Then
        Assert.True(exitCode == 0, output);
        Assert.Equal("the earlier run's summary", File.ReadAllText(Path.Combine(_reportDirectory, "summary.md")));
        Assert.Equal("<testsuites />", File.ReadAllText(Path.Combine(_reportDirectory, "junit.xml")));
    }

    public void Dispose() => Directory.Delete(_reportDirectory, recursive: true);
}
