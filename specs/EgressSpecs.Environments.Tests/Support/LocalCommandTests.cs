using System.Diagnostics;
using EgressSpecs.Environments.Support;

namespace EgressSpecs.Environments.Tests.Support;

public sealed class LocalCommandTests
{
    [Fact]
    public async Task RunAsync_Stdin_IsPipedAndStdoutKeptAsBytes()
    {
        // Given
        using var stdin = new MemoryStream([0, 1, 2, 255]);

        // When
        var result = await LocalCommand.RunAsync(["sh", "-c", "cat; echo oops >&2; exit 3"], stdin, TestContext.Current.CancellationToken);

        // Then
        Assert.Equal(3, result.ExitCode);
        Assert.Equal([0, 1, 2, 255], result.Stdout);
        Assert.Equal("oops\n", result.Stderr);
    }

    [Fact]
    public async Task RunAsync_ArgumentsWithSpacesAndQuotes_ArriveAsOneArgvEntryEach()
    {
        // When
        var result = await LocalCommand.RunAsync(["sh", "-c", "printf '%s|' \"$@\"", "sh", "a b", "\"c\"", "$d"], null, TestContext.Current.CancellationToken);

        // Then
        Assert.Equal("a b|\"c\"|$d|", result.StdoutText);
    }

    [Fact]
    public async Task RunAsync_Cancelled_KillsTheProcessTree()
    {
        // Given
        using var cancel = new CancellationTokenSource();
        var marker = Path.Combine(Path.GetTempPath(), $"local-command-{Guid.NewGuid():N}");
        var run = LocalCommand.RunAsync(["sh", "-c", $"sleep 30 & echo $! > {marker}; wait"], null, cancel.Token);
        var child = await WaitForPidAsync(marker);

        // When
        await cancel.CancelAsync();

        // Then
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        using var process = Process.GetProcessById(child);
        Assert.True(process.WaitForExit(TimeSpan.FromSeconds(10)), "The child sleep outlived the cancelled command.");
        File.Delete(marker);
    }

    [Fact]
    public async Task RunAsync_ProgramNotInstalled_SaysWhichOne()
    {
        // When
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(
            () => LocalCommand.RunAsync(["no-such-program-egress-specs"], null, TestContext.Current.CancellationToken));

        // Then
        Assert.Contains("no-such-program-egress-specs", failure.Message);
    }

    private static async Task<int> WaitForPidAsync(string marker)
    {
        var text = await Poll.UntilAsync("the child's pid", TimeSpan.FromSeconds(10), _ =>
        {
            var written = File.Exists(marker) ? File.ReadAllText(marker).Trim() : "";
            return Task.FromResult<(string?, string)>((written.Length > 0 && written.All(char.IsAsciiDigit) ? written : null, "no pid yet"));
        }, TestContext.Current.CancellationToken);
        return int.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
    }
}
