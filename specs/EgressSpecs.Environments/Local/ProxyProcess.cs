using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;

namespace EgressSpecs.Environments.Local;

/// <summary>
/// Our real proxy, run as its own process from its built output and configured only through its documented
/// settings (environment variables). Its endpoints come from the lines it logs at startup; its output is kept for
/// diagnostics.
/// </summary>
internal sealed partial class ProxyProcess : IAsyncDisposable
{
    private const int MaxKeptLines = 2000;
    private const int SigTerm = 15;

    private readonly Process _process;
    private readonly Lock _lock = new();
    private readonly Queue<string> _output = new();
    private readonly TaskCompletionSource<Uri> _trafficUrl = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<Uri> _adminUrl = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ProxyProcess(Process process)
    {
        _process = process;
    }

    public ProxyEndpoints Endpoints { get; private set; } = null!;

    /// <summary>Everything the proxy wrote (the last <see cref="MaxKeptLines"/> lines), for failure messages.</summary>
    public string Output
    {
        get
        {
            lock (_lock)
            {
                return string.Join('\n', _output);
            }
        }
    }

    public static async Task<ProxyProcess> StartAsync(
        string dllPath, IReadOnlyDictionary<string, string> settings, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = false,
            WorkingDirectory = Path.GetDirectoryName(dllPath)!,
        };
        start.ArgumentList.Add(dllPath);

        // Only the settings given here shape the proxy: nothing inherited from whoever runs the tests.
        foreach (var inherited in start.Environment.Keys.Where(IsProxySetting).ToList())
        {
            start.Environment.Remove(inherited);
        }

        foreach (var (name, value) in settings)
        {
            start.Environment[name] = value;
        }

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var proxy = new ProxyProcess(process);
        process.OutputDataReceived += (_, line) => proxy.Observe(line.Data);
        process.ErrorDataReceived += (_, line) => proxy.Observe(line.Data);
        if (!process.Start())
        {
            throw new InvalidOperationException($"Could not start 'dotnet {dllPath}'.");
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await proxy.WaitForEndpointsAsync(dllPath, timeout, cancellationToken);
            return proxy;
        }
        catch
        {
            await proxy.DisposeAsync();
            throw;
        }
    }

    /// <summary>Sends SIGTERM, as Kubernetes stops a pod, without waiting.</summary>
    public void Terminate()
    {
        if (Kill(_process.Id, SigTerm) != 0)
        {
            throw new InvalidOperationException($"kill({_process.Id}, SIGTERM) failed with errno {Marshal.GetLastPInvokeError()}.");
        }
    }

    /// <summary>Waits for the process to exit; its exit code.</summary>
    public async Task<int> WaitForExitAsync(CancellationToken cancellationToken)
    {
        await _process.WaitForExitAsync(cancellationToken);
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                // SIGTERM, as Kubernetes stops a pod: the proxy drains and exits 0.
                _ = Kill(_process.Id, SigTerm);
                using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(15));
                try
                {
                    await _process.WaitForExitAsync(grace.Token);
                }
                catch (OperationCanceledException)
                {
                    _process.Kill(entireProcessTree: true);
                    await _process.WaitForExitAsync(CancellationToken.None);
                }
            }
        }
        catch (InvalidOperationException)
        {
            // The process never started: nothing to stop.
        }
        finally
        {
            _process.Dispose();
        }
    }

    private static bool IsProxySetting(string name) =>
        name.StartsWith("Egress__", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("Kestrel__", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("ASPNETCORE_URLS", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("ASPNETCORE_HTTP", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("HTTP_PORTS", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("HTTPS_PORTS", StringComparison.OrdinalIgnoreCase)
        || name.Equals("EGRESS_CONFIG_FILE", StringComparison.OrdinalIgnoreCase);

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);

    [GeneratedRegex(@"Endpoint (?<name>Proxy|Admin) listening on (?<url>https?://[^\s""',;]+)")]
    private static partial Regex ListeningLine();

    private async Task WaitForEndpointsAsync(string dllPath, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var exited = _process.WaitForExitAsync(deadline.Token);
        var both = Task.WhenAll(_trafficUrl.Task, _adminUrl.Task);
        try
        {
            var first = await Task.WhenAny(both, exited).WaitAsync(deadline.Token);
            if (first == exited)
            {
                await exited;
                throw new InvalidOperationException(
                    $"The proxy 'dotnet {dllPath}' exited with code {_process.ExitCode} before it reported its endpoints. Its output:\n{Output}");
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException(
                $"The proxy 'dotnet {dllPath}' did not log 'Endpoint Proxy listening on ...' and 'Endpoint Admin listening on ...' "
                + $"within {timeout.TotalSeconds:0} s. Its output:\n{Output}");
        }

        var traffic = await _trafficUrl.Task;
        Endpoints = new ProxyEndpoints(ProxyEndpoints.EndPointOf(traffic), await _adminUrl.Task);
    }

    private void Observe(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_lock)
        {
            _output.Enqueue(line);
            if (_output.Count > MaxKeptLines)
            {
                _output.Dequeue();
            }
        }

        if (TryParseListeningLine(line, out var endpoint, out var url))
        {
            (endpoint == "Proxy" ? _trafficUrl : _adminUrl).TrySetResult(url);
        }
    }

    /// <summary>Recognises <c>Endpoint Proxy listening on http://127.0.0.1:NNNN</c> (or Admin) anywhere in a log line.</summary>
    internal static bool TryParseListeningLine(string line, out string endpoint, out Uri url)
    {
        var match = ListeningLine().Match(line);
        endpoint = match.Groups["name"].Value;
        url = null!;
        return match.Success && Uri.TryCreate(match.Groups["url"].Value.TrimEnd('.'), UriKind.Absolute, out url!);
    }
}
