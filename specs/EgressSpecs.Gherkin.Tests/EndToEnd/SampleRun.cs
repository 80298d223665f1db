using EgressSpecs.Gherkin.Tests.Support;
using Xunit;

namespace EgressSpecs.Gherkin.Tests.EndToEnd;

/// <summary>
/// One run of the sample features (Outcomes, explicit, and Basics) in a child process, as a CI script runs a suite,
/// with its reports in a folder of its own. A test class shares one run as a class fixture: the run is the "when",
/// each test checks one report.
/// </summary>
public abstract class SampleRun : IAsyncLifetime
{
    public string ReportDirectory { get; } = Directory.CreateTempSubdirectory("egress-specs-").FullName;

    public int ExitCode { get; private set; }

    public string Output { get; private set; } = string.Empty;

    public string Report(string fileName) => Path.Combine(ReportDirectory, fileName);

    public string ReadReport(string fileName) => File.ReadAllText(Report(fileName));

    public async ValueTask InitializeAsync()
    {
        var environment = new Dictionary<string, string>(Environment()) { ["EGRESS_SPECS_REPORT_DIR"] = ReportDirectory };
        Prepare();
        (ExitCode, Output) = await TestExecutable.RunAsync(
            environment,
            ["--explicit", "on", .. Classes().SelectMany(type => new[] { "--filter-class", type.FullName! })]);
    }

    public ValueTask DisposeAsync()
    {
        Directory.Delete(ReportDirectory, recursive: true);
        return ValueTask.CompletedTask;
    }

    /// <summary>The "given": what the report folder holds before the run.</summary>
    protected virtual void Prepare()
    {
    }

    /// <summary>The test classes the run runs (explicit ones included).</summary>
    protected virtual IEnumerable<Type> Classes() => [typeof(OutcomesFeature), typeof(BasicsFeature)];

    /// <summary>The run's environment variables besides the report folder.</summary>
    protected virtual IReadOnlyDictionary<string, string> Environment() => new Dictionary<string, string>();
}
