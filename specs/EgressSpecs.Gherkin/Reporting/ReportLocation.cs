namespace EgressSpecs.Gherkin.Reporting;

/// <summary>
/// The one folder for every report of a run, chosen by <c>EGRESS_SPECS_REPORT_DIR</c> (default:
/// <c>reports/</c> under the test output folder).
/// </summary>
internal static class ReportLocation
{
    public const string EnvironmentVariable = "EGRESS_SPECS_REPORT_DIR";
    public const string DefaultFolderName = "reports";

    /// <summary>
    /// Resolves the folder, creates it, removes the previous run's summary.md and junit.xml (so a run that stops
    /// half-way leaves none rather than stale ones), and writes the folder back to the process environment as an
    /// absolute path, so that <c>{env:EGRESS_SPECS_REPORT_DIR}</c> in reqnroll.json's formatter paths names it.
    /// Only a test run calls this: listing tests leaves the reports alone.
    /// </summary>
    public static string Prepare()
    {
        var folder = Resolve(Environment.GetEnvironmentVariable(EnvironmentVariable));
        Directory.CreateDirectory(folder);
        File.Delete(Path.Combine(folder, SummaryWriter.FileName));
        File.Delete(Path.Combine(folder, JunitWriter.FileName));
        Environment.SetEnvironmentVariable(EnvironmentVariable, folder);
        return folder;
    }

    public static string Resolve(string? configured) =>
        string.IsNullOrWhiteSpace(configured)
            ? Path.Combine(AppContext.BaseDirectory, DefaultFolderName)
            : Path.GetFullPath(configured);
}
