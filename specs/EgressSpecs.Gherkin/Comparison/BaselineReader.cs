using System.Xml;
using System.Xml.Linq;
using EgressSpecs.Gherkin.Reporting;

namespace EgressSpecs.Gherkin.Comparison;

/// <summary>
/// Reads the baseline a run compares itself with: <c>EGRESS_SPECS_BASELINE</c>, a previous run's report folder or
/// its junit.xml. Any JUnit file works (this adapter's, or xunit's own reporter's): test cases are matched by name.
/// </summary>
internal static class BaselineReader
{
    public const string EnvironmentVariable = "EGRESS_SPECS_BASELINE";

    /// <summary>Reads the baseline at <paramref name="path"/>.</summary>
    /// <exception cref="BaselineException">The path names no readable JUnit file; the message says what to give instead.</exception>
    public static Baseline Read(string path)
    {
        var file = Directory.Exists(path) ? Path.Combine(path, JunitWriter.FileName) : path;
        if (!File.Exists(file))
        {
            throw new BaselineException(Directory.Exists(path)
                ? $"{EnvironmentVariable}: the folder '{path}' has no {JunitWriter.FileName}; point it at a previous run's report folder or its {JunitWriter.FileName}."
                : $"{EnvironmentVariable}: '{path}' does not exist; point it at a previous run's report folder or its {JunitWriter.FileName}.");
        }

        XDocument document;
        try
        {
            document = XDocument.Load(file);
        }
        catch (XmlException exception)
        {
            throw new BaselineException($"{EnvironmentVariable}: '{file}' is not XML ({exception.Message}).");
        }

        return Parse(Path.GetFullPath(file), document);
    }

    /// <summary>The results in a JUnit document. A test name seen twice keeps its first result.</summary>
    public static Baseline Parse(string source, XDocument document)
    {
        if (document.Root?.Name.LocalName is not ("testsuites" or "testsuite"))
        {
            throw new BaselineException($"{EnvironmentVariable}: '{source}' is not a JUnit report (no testsuites or testsuite element).");
        }

        var results = new Dictionary<string, BaselineResult>(StringComparer.Ordinal);
        foreach (var testCase in document.Descendants().Where(e => e.Name.LocalName == "testcase"))
        {
            if ((string?)testCase.Attribute("name") is { Length: > 0 } name)
            {
                results.TryAdd(name, ResultOf(testCase));
            }
        }

        return new Baseline(source, results);
    }

    private static BaselineResult ResultOf(XElement testCase)
    {
        if (testCase.Elements().FirstOrDefault(e => e.Name.LocalName is "failure" or "error") is { } failure)
        {
            return new BaselineResult(ScenarioResult.Failed, (string?)failure.Attribute("message") ?? failure.Value);
        }

        return testCase.Elements().FirstOrDefault(e => e.Name.LocalName == "skipped") is { } skipped
            ? new BaselineResult(ScenarioResult.Skipped, (string?)skipped.Attribute("message") ?? skipped.Value)
            : new BaselineResult(ScenarioResult.Passed, null);
    }
}

/// <summary>A baseline that cannot be read; the message names the variable and what to give it.</summary>
internal sealed class BaselineException(string message) : Exception(message);
