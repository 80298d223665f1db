using System.Xml.Linq;
using EgressSpecs.Gherkin.Reporting;
using Xunit;
using static EgressSpecs.Gherkin.Tests.Reporting.Outcomes;

namespace EgressSpecs.Gherkin.Tests.Reporting;

public sealed class JunitWriterTests
{
    [Fact]
    public void Render_AnyRun_NamesTheSuiteAfterTheRunAndCarriesTheHeaderAsProperties()
    {
        // Given
        var report = Report(Passed("Forwarding", "Path is kept"));

        // When
        var suite = JunitWriter.Render(report).Root!.Element("testsuite")!;

        // Then
        Assert.Equal("local", (string?)suite.Attribute("name"));
        Assert.Equal(
            [("Target", "local"), ("Proxy", "ours")],
            suite.Element("properties")!.Elements("property").Select(p => ((string)p.Attribute("name")!, (string)p.Attribute("value")!)));
    }

    [Fact]
    public void Render_ScenarioWithTagsAndRule_HasEachTagTheFeatureAndTheRuleAsProperties()
    {
        // Given
        var outcome = Passed("Policy", "A decimal IPv4 literal is refused [2130706433]") with
        {
            Tags = ["policy", "poc-defect-5"],
            Rule = "Addresses inside the cluster are never reached",
        };

        // When
        var testCase = JunitWriter.Render(Report(outcome)).Descendants("testcase").Single();

        // Then
        Assert.Equal("Policy: A decimal IPv4 literal is refused [2130706433]", (string?)testCase.Attribute("name"));
        Assert.Equal("Policy", (string?)testCase.Attribute("classname"));
        Assert.Equal(
            [
                ("tag", "policy"),
                ("tag", "poc-defect-5"),
                ("feature", "Policy"),
                ("feature-file", "Features/Policy.feature"),
                ("rule", "Addresses inside the cluster are never reached"),
            ],
            testCase.Element("properties")!.Elements("property").Select(p => ((string)p.Attribute("name")!, (string)p.Attribute("value")!)));
    }

    [Fact]
    public void Render_FailedAndSkippedScenarios_CountThemAndGiveTheMessageOnOneLineAndTheDetailsInTheBody()
    {
        // Given
        var failed = Failed("Faults", "A reset is a 502", "Assert.Equal() Failure\nExpected: 502\nActual:   200") with
        {
            FailureType = "Xunit.Sdk.EqualException",
            Details = "Xunit.Sdk.EqualException: Assert.Equal() Failure\n   at FaultSteps.Then() in FaultSteps.cs:line 12",
            Output = "When the app sends GET /reset\n-> error\n",
        };
        var skipped = Skipped("Faults", "Linkerd sees it", "no mesh here", pickle: 1);

        // When
        var document = JunitWriter.Render(Report(failed, skipped));

        // Then
        var suite = document.Root!.Element("testsuite")!;
        Assert.Equal(("2", "1", "1"), ((string?)suite.Attribute("tests"), (string?)suite.Attribute("failures"), (string?)suite.Attribute("skipped")));
        var failure = document.Descendants("failure").Single();
        Assert.Equal("Assert.Equal() Failure / Expected: 502 / Actual: 200", (string?)failure.Attribute("message"));
        Assert.Equal("Xunit.Sdk.EqualException", (string?)failure.Attribute("type"));
        Assert.Contains("FaultSteps.cs:line 12", failure.Value, StringComparison.Ordinal);
        Assert.Equal("When the app sends GET /reset\n-> error\n", document.Descendants("system-out").Single().Value);
        Assert.Equal("no mesh here", (string?)document.Descendants("skipped").Single().Attribute("message"));
    }

    [Fact]
    public void Write_OutputWithACharacterXmlCannotHold_WritesItAsAnEscape()
    {
        // Given
        var folder = Path.Combine(Path.GetTempPath(), Path.GetRandomFileName());
        var outcome = Passed("Hostile input", "A NUL byte") with { Output = "Host: a\0b\n" };

        try
        {
            // When
            var path = JunitWriter.Write(folder, Report(outcome));

            // Then
            Assert.Equal("Host: a\\x00b\n", XDocument.Load(path).Descendants("system-out").Single().Value);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
