using System.Text.RegularExpressions;
using CliWrap;
using CliWrap.Buffered;

namespace EgressSpecs.Gherkin.Tests.Support;

/// <summary>
/// Runs this test project's own executable as a child process, as a CI script would. Its output comes back without
/// colour codes: the test platform colours it whenever it detects a CI (CI=true), so the tests read the text alone.
/// </summary>
internal static partial class TestExecutable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    public static async Task<(int ExitCode, string Output)> RunAsync(IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var path = Path.ChangeExtension(typeof(TestExecutable).Assembly.Location, OperatingSystem.IsWindows() ? ".exe" : null);
        var command = Cli.Wrap(path)
            .WithArguments(arguments)
            .WithWorkingDirectory(AppContext.BaseDirectory)
            .WithEnvironmentVariables(environment.ToDictionary(pair => pair.Key, string? (pair) => pair.Value))
            .WithValidation(CommandResultValidation.None);
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            // Cancelling kills the whole process tree (CliWrap's forceful cancellation).
            var result = await command.ExecuteBufferedAsync(timeout.Token);
            return (result.ExitCode, AnsiEscape().Replace(result.StandardOutput + result.StandardError, string.Empty));
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            throw new TimeoutException($"{path} {string.Join(' ', arguments)} did not finish within {Timeout}.");
        }
    }

    [GeneratedRegex(@"\x1b\[[0-9;?]*[A-Za-z]")]
    private static partial Regex AnsiEscape();
}
