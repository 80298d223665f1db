using System.Diagnostics;
using System.Runtime.InteropServices;

namespace EgressSpecs.Environments.Support;

/// <summary>
/// A .NET program of this repository run as its own process (<c>dotnet X.dll ...</c>) from its build output: its
/// output is kept (the last lines) for failure messages and offered line by line to a watcher; it is stopped with
/// SIGTERM, as Kubernetes stops a pod, and killed if it does not exit in time.
/// </summary>
internal sealed class DotnetProcess : IAsyncDisposable
{
    private const int MaxKeptLines = 2000;
    private const int SigTerm = 15;
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(15);

    private readonly Process _process;
    private readonly Lock _lock = new();
    private readonly Queue<string> _output = new();
    private readonly Action<string> _watch;

    private DotnetProcess(Process process, Action<string> watch)
    {
        _process = process;
        _watch = watch;
    }

    /// <summary>What the program is, for messages: <c>dotnet /path/X.dll</c>.</summary>
    public string Description => $"dotnet {_process.StartInfo.ArgumentList.FirstOrDefault()}";

    /// <summary>Everything the program wrote (the last <see cref="MaxKeptLines"/> lines).</summary>
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

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>Starts <c>dotnet dllPath arguments</c> in the dll's folder with the environment changed as given.</summary>
    /// <param name="dllPath">The program's built dll.</param>
    /// <param name="arguments">Its command line after the dll.</param>
    /// <param name="environment">Variables to set; a null value removes an inherited one.</param>
    /// <param name="watch">Called with every output line (stdout and stderr), on a reader thread.</param>
    public static DotnetProcess Start(string dllPath, IEnumerable<string> arguments, IReadOnlyDictionary<string, string?> environment, Action<string> watch)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(dllPath)!,
        };
        start.ArgumentList.Add(dllPath);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var running = new DotnetProcess(process, watch);
        process.OutputDataReceived += (_, line) => running.Observe(line.Data);
        process.ErrorDataReceived += (_, line) => running.Observe(line.Data);
        if (!process.Start())
        {
            throw new InvalidOperationException($"Could not start 'dotnet {dllPath}'.");
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return running;
    }

    /// <summary>
    /// Waits for <paramref name="ready"/>; throws with the program's output when it exits first or
    /// <paramref name="timeout"/> passes (<paramref name="awaited"/> says what it should have printed).
    /// </summary>
    public async Task WaitUntilReadyAsync(Task ready, string awaited, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var exited = _process.WaitForExitAsync(deadline.Token);
        try
        {
            if (await Task.WhenAny(ready, exited).WaitAsync(deadline.Token) == exited)
            {
                await exited;
                throw new InvalidOperationException(
                    $"'{Description}' exited with code {_process.ExitCode} before it printed {awaited}. Its output:\n{Output}");
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"'{Description}' did not print {awaited} within {timeout.TotalSeconds:0} s. Its output:\n{Output}");
        }

        await ready;
    }

    /// <summary>Sends SIGTERM and returns at once.</summary>
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
                _ = Kill(_process.Id, SigTerm);
                using var grace = new CancellationTokenSource(StopGrace);
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

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);

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

        _watch(line);
    }
}
