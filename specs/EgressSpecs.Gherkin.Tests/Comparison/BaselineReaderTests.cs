using System.Xml.Linq;
using EgressSpecs.Gherkin.Comparison;
using EgressSpecs.Gherkin.Reporting;
using EgressSpecs.Gherkin.Tests.Reporting;
using Xunit;

namespace EgressSpecs.Gherkin.Tests.Comparison;

public sealed class BaselineReaderTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("egress-specs-baseline-").FullName;

    [Fact]
    public void Parse_AdaptersJunit_ReadsEachTestCasesResultAndMessage()
    {
        // Given
        var junit = JunitWriter.Render(Outcomes.Report(
            Outcomes.Passed("Policy", "A"),
            Outcomes.Failed("Policy", "B", "the proxy answered 200", pickle: 1),
            Outcomes.Skipped("Policy", "C", "no mesh", pickle: 2)));

        // When
        var baseline = BaselineReader.Parse("junit.xml", junit);

        // Then
        Assert.Equal(
            [
                ("Policy: A", ScenarioResult.Passed, null),
                ("Policy: B", ScenarioResult.Failed, "the proxy answered 200"),
                ("Policy: C", ScenarioResult.Skipped, "no mesh"),
            ],
            baseline.Results.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => (r.Key, r.Value.Result, r.Value.Message)));
    }

    [Fact]
    public void Parse_XunitsOwnJunit_ReadsFailuresAndSkipsTheSameWay()
    {
        // Given: the shape xunit's --report-xunit-junit writes (a suite named after the assembly's path).
        var junit = XDocument.Parse(
            """
            <testsuites name="Test results" tests="3" failures="1" errors="0" disabled="0" time="1.0">
              <testsuite name="/work/bin/EgressSpecs.Specs.dll" tests="3" failures="1" errors="0" skipped="1" time="1.0" hostname="localhost">
                <testcase name="Faults: A reset is a 502" time="0.1" classname="EgressSpecs.Specs.Features.FaultsFeature"><system-out>steps</system-out></testcase>
                <testcase name="Faults: A stall times out" time="0.1" classname="EgressSpecs.Specs.Features.FaultsFeature"><failure type="Xunit.Sdk.EqualException" message="Assert.Equal() Failure">at X</failure></testcase>
                <testcase name="Faults: Linkerd sees it" time="0" classname="EgressSpecs.Specs.Features.FaultsFeature"><skipped message="no mesh" /></testcase>
              </testsuite>
            </testsuites>
            """);

        // When
        var baseline = BaselineReader.Parse("junit.xml", junit);

        // Then
        Assert.Equal(ScenarioResult.Passed, baseline.Results["Faults: A reset is a 502"].Result);
        Assert.Equal(new BaselineResult(ScenarioResult.Failed, "Assert.Equal() Failure"), baseline.Results["Faults: A stall times out"]);
        Assert.Equal(new BaselineResult(ScenarioResult.Skipped, "no mesh"), baseline.Results["Faults: Linkerd sees it"]);
    }

    [Fact]
    public void Read_ReportFolder_ReadsTheJunitXmlInside()
    {
        // Given
        JunitWriter.Write(_folder, Outcomes.Report(Outcomes.Passed("Policy", "A")));

        // When
        var baseline = BaselineReader.Read(_folder);

        // Then
        Assert.Equal(Path.Combine(_folder, "junit.xml"), baseline.Source);
        Assert.Equal(["Policy: A"], baseline.Results.Keys);
    }

    [Fact]
    public void Read_FolderWithoutJunitXml_SaysWhatToPointTheVariableAt()
    {
        // Given
        var folder = _folder;

        // When
        var exception = Assert.Throws<BaselineException>(() => BaselineReader.Read(folder));

        // Then
        Assert.Equal(
            $"EGRESS_SPECS_BASELINE: the folder '{folder}' has no junit.xml; point it at a previous run's report folder or its junit.xml.",
            exception.Message);
    }

    [Fact]
    public void Read_MissingPath_SaysItDoesNotExist()
    {
        // Given
        var path = Path.Combine(_folder, "before", "junit.xml");

        // When
        var exception = Assert.Throws<BaselineException>(() => BaselineReader.Read(path));

        // Then
        Assert.Contains($"'{path}' does not exist", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_FileThatIsNotJunit_SaysSo()
    {
        // Given
        var path = Path.Combine(_folder, "summary.md");
        File.WriteAllText(path, "# Scenario summary");

        // When
        var exception = Assert.Throws<BaselineException>(() => BaselineReader.Read(path));

        // Then
        Assert.StartsWith($"EGRESS_SPECS_BASELINE: '{path}' is not XML", exception.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
