using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace EgressSpecs.Gherkin.Reporting;

/// <summary>
/// Writes junit.xml from the adapter's own outcomes. xunit's reporter (<c>--report-xunit-junit</c>) cannot be told
/// the suite's name (it uses the assembly's path) nor write traits, so the adapter writes the file itself: one
/// suite named after the run (<see cref="RunDescription.Name"/>) with the run's description as properties, one
/// test case per scenario named as xunit names the test, its tags, feature and rule as properties, a failure's
/// one-line message with its full text and stack trace, a skip's reason, and the steps' output.
/// </summary>
internal static class JunitWriter
{
    public const string FileName = "junit.xml";

    public static string Write(string folder, RunReport report)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, FileName);
        var settings = new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false) };
        using (var writer = XmlWriter.Create(path, settings))
        {
            Render(report).Save(writer);
        }

        return path;
    }

    public static XDocument Render(RunReport report)
    {
        var outcomes = report.Outcomes;
        var failures = outcomes.Count(o => o.Result == ScenarioResult.Failed);
        var skipped = outcomes.Count(o => o.Result == ScenarioResult.Skipped);
        var time = Seconds(report.Duration);
        var suite = new XElement("testsuite",
            new XAttribute("name", Xml(report.Name)),
            new XAttribute("tests", outcomes.Count),
            new XAttribute("failures", failures),
            new XAttribute("errors", 0),
            new XAttribute("skipped", skipped),
            new XAttribute("time", time),
            new XAttribute("timestamp", report.StartedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture)),
            Properties(report.Header.Select(e => (e.Key, e.Value))),
            outcomes.Select(TestCase));
        if (report.StartFailure is { } start)
        {
            suite.Add(new XElement("system-err", Xml($"The test run did not start: {start.Details}")));
        }

        return new XDocument(
            new XElement("testsuites",
                new XAttribute("name", Xml(report.Name)),
                new XAttribute("tests", outcomes.Count),
                new XAttribute("failures", failures),
                new XAttribute("errors", 0),
                new XAttribute("skipped", skipped),
                new XAttribute("time", time),
                suite));
    }

    private static XElement TestCase(ScenarioOutcome outcome)
    {
        var properties = outcome.Tags.Select(tag => ("tag", tag))
            .Append(("feature", outcome.Feature))
            .Append(("feature-file", outcome.FeaturePath));
        if (outcome.Rule is { } rule)
        {
            properties = properties.Append(("rule", rule));
        }

        var testCase = new XElement("testcase",
            new XAttribute("name", Xml(outcome.Scenario)),
            new XAttribute("classname", Xml(outcome.Feature)),
            new XAttribute("time", Seconds(outcome.Duration)),
            Properties(properties));
        switch (outcome.Result)
        {
            case ScenarioResult.Failed:
                testCase.Add(new XElement("failure",
                    new XAttribute("message", Xml(OneLine.Of(outcome.Message, maxLength: 1000))),
                    new XAttribute("type", outcome.FailureType ?? "Failure"),
                    Xml(outcome.Details ?? outcome.Message ?? string.Empty)));
                break;
            case ScenarioResult.Skipped:
                testCase.Add(new XElement("skipped", new XAttribute("message", Xml(outcome.Message ?? string.Empty))));
                break;
        }

        if (outcome.Output.Length > 0)
        {
            testCase.Add(new XElement("system-out", Xml(outcome.Output)));
        }

        return testCase;
    }

    private static XElement Properties(IEnumerable<(string Name, string Value)> properties) =>
        new("properties", properties.Select(p => new XElement("property", new XAttribute("name", Xml(p.Name)), new XAttribute("value", Xml(p.Value)))));

    // Step output may quote bytes XML cannot hold (a NUL sent on purpose): show them as \xNN rather than fail the report.
    private static string Xml(string text) =>
        text.All(XmlConvert.IsXmlChar)
            ? text
            : string.Concat(text.Select(c => XmlConvert.IsXmlChar(c) || char.IsSurrogate(c) ? c.ToString() : $"\\x{(int)c:X2}"));

    private static string Seconds(TimeSpan duration) => duration.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture);
}
