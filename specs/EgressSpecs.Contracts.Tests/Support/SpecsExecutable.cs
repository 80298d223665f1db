using System.Diagnostics;
using System.Reflection;

namespace EgressSpecs.Contracts.Tests.Support;

/// <summary>Runs the specs executable (EgressSpecs.Specs, built with this project) as a child process, as a user or a CI job runs it.</summary>
internal static class SpecsExecutable
{
    private const string PathMetadata = "EgressSpecs.SpecsAssemblyPath";
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    /// <summary>The folder the specs executable runs in, which holds its sample contracts (Contracts/*.yaml).</summary>
    public static string Directory => System.IO.Path.GetDirectoryName(AssemblyPath)!;

    private static string AssemblyPath =>
        typeof(SpecsExecutable).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().SingleOrDefault(a => a.Key == PathMetadata)?.Value
        ?? throw new InvalidOperationException($"The test assembly has no [AssemblyMetadata(\"{PathMetadata}\")]: see SpecsUnderTest.targets.");

    public static async Task<(int ExitCode, string Output)> RunAsync(IReadOnlyDictionary<string, string?> environment, params string[] arguments)
    {
        var path = System.IO.Path.ChangeExtension(AssemblyPath, OperatingSystem.IsWindows() ? ".exe" : null);
        var start = new ProcessStartInfo(path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Directory,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Only what the test sets shapes the run: not the variables of whoever runs the tests.
        foreach (var name in start.Environment.Keys.Where(name => name.StartsWith("EGRESS_SPECS_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {path}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{path} {string.Join(' ', arguments)} did not finish within {Timeout}.");
        }

        return (process.ExitCode, await output + await errors);
    }
}
