using EgressSpecs.Environments.Support;

namespace EgressSpecs.Environments.ThirdParties;

/// <summary>
/// The third-party program run as its own process (the local target), from the build output next to the test
/// assembly (the harness references the program's project, so its dll, deps and runtimeconfig are copied there).
/// </summary>
internal sealed class ThirdPartiesProcess : IAsyncDisposable
{
    private readonly DotnetProcess _process;

    private ThirdPartiesProcess(DotnetProcess process, ReadyLine ready)
    {
        _process = process;
        Ready = ready;
    }

    /// <summary>What the program reported when it was ready: its observation API and each party's port.</summary>
    public ReadyLine Ready { get; }

    public string Output => _process.Output;

    /// <summary>The program's dll: beside the assembly that defines its types.</summary>
    public static string DllPath => typeof(ThirdPartiesOptions).Assembly.Location is { Length: > 0 } location
        ? location
        : throw new InvalidOperationException($"The third-party program's assembly has no file location ({typeof(ThirdPartiesOptions).Assembly.GetName().Name}).");

    public static async Task<ThirdPartiesProcess> StartAsync(string settingsFile, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var ready = new TaskCompletionSource<ReadyLine>(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = DotnetProcess.Start(DllPath, ["--config", settingsFile], new Dictionary<string, string?>
        {
            // Nothing inherited may move its listeners: it listens where its settings say.
            ["ASPNETCORE_URLS"] = null,
            ["ASPNETCORE_HTTP_PORTS"] = null,
            ["ASPNETCORE_HTTPS_PORTS"] = null,
        }, line =>
        {
            if (ReadyLine.TryParse(line) is { } parsed)
            {
                ready.TrySetResult(parsed);
            }
        });
        try
        {
            await process.WaitUntilReadyAsync(ready.Task, $"'{ReadyLine.Prefix}...'", timeout, cancellationToken);
            return new ThirdPartiesProcess(process, await ready.Task);
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }
    }

    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
