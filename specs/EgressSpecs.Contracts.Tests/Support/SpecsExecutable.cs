using System.Reflection;
using CliWrap;
using CliWrap.Buffered;

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

        // Only what the test sets shapes the run: not the variables of whoever runs the tests (null removes one).
        var variables = Environment.GetEnvironmentVariables().Keys.OfType<string>()
            .Where(name => name.StartsWith("EGRESS_SPECS_", StringComparison.Ordinal))
            .ToDictionary(name => name, string? (_) => null);
        foreach (var (name, value) in environment)
        {
            variables[name] = value;
        }

        var command = Cli.Wrap(path)
            .WithArguments(arguments)
            .WithWorkingDirectory(Directory)
            .WithEnvironmentVariables(variables)
            .WithValidation(CommandResultValidation.None);
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            // Cancelling kills the whole process tree (CliWrap's forceful cancellation).
            var result = await command.ExecuteBufferedAsync(timeout.Token);
            return (result.ExitCode, result.StandardOutput + result.StandardError);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            throw new TimeoutException($"{path} {string.Join(' ', arguments)} did not finish within {Timeout}.");
        }
    }
}
