using System.Globalization;
using System.Text;

namespace EgressSpecs.Environments.Support;

/// <summary>How a phase ended.</summary>
internal enum PhaseOutcome
{
    Ok,
    Failed,
    Cancelled,
}

/// <summary>One finished phase: its name, how long it took, how it ended and, unless it succeeded, the exception's first line.</summary>
internal sealed record PhaseRecord(string Name, TimeSpan Duration, PhaseOutcome Outcome, string? Reason)
{
    /// <summary>E.g. <c>node start: 41.2 s ok</c>, <c>image import: 120.0 s failed: TimeoutException: Timed out after ...</c>.</summary>
    public override string ToString()
    {
        var outcome = Outcome switch
        {
            PhaseOutcome.Ok => "ok",
            PhaseOutcome.Failed => $"failed: {Reason}",
            _ => $"cancelled: {Reason}",
        };
        return string.Create(CultureInfo.InvariantCulture, $"{Name}: {Duration.TotalSeconds:0.0} s {outcome}");
    }
}

/// <summary>
/// The phases of a target's start (Docker check, image builds, node start, Linkerd, infra, DNS, clients), each timed
/// and written as it ends, so the first person to run a cluster target sees where it is slow and where it stopped.
/// </summary>
/// <remarks>
/// Phases may run side by side (an image build while containers start): the list and the writer are guarded by a lock.
/// A phase's exception is recorded and rethrown unchanged.
/// </remarks>
internal sealed class PhaseLog
{
    private readonly string _prefix;
    private readonly TextWriter _writer;
    private readonly TimeProvider _time;
    private readonly List<PhaseRecord> _phases = [];
    private readonly Lock _lock = new();

    /// <param name="prefix">Starts every line, e.g. <c>k3s</c> gives <c>[k3s] node start: 41.2 s ok</c>.</param>
    /// <param name="writer">Where each phase's line goes as it ends (e.g. <see cref="Console.Error"/>).</param>
    /// <param name="time">The clock (tests pass a fake one).</param>
    public PhaseLog(string prefix, TextWriter writer, TimeProvider? time = null)
    {
        _prefix = prefix;
        _writer = writer;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>The phases that ended so far, in the order they ended.</summary>
    public IReadOnlyList<PhaseRecord> Phases
    {
        get
        {
            lock (_lock)
            {
                return [.. _phases];
            }
        }
    }

    public async Task RunAsync(string name, Func<CancellationToken, Task> phase, CancellationToken cancellationToken) =>
        await RunAsync<object?>(name, async token =>
        {
            await phase(token);
            return null;
        }, cancellationToken);

    public async Task<T> RunAsync<T>(string name, Func<CancellationToken, Task<T>> phase, CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        try
        {
            var value = await phase(cancellationToken);
            Record(new PhaseRecord(name, _time.GetElapsedTime(started), PhaseOutcome.Ok, null));
            return value;
        }
        catch (OperationCanceledException exception)
        {
            Record(new PhaseRecord(name, _time.GetElapsedTime(started), PhaseOutcome.Cancelled, FirstLine(exception)));
            throw;
        }
        catch (Exception exception)
        {
            Record(new PhaseRecord(name, _time.GetElapsedTime(started), PhaseOutcome.Failed, FirstLine(exception)));
            throw;
        }
    }

    /// <summary>Every phase so far, one line each, for a summary or diagnostics; "(no phase ended)" when none has.</summary>
    public string Render()
    {
        var phases = Phases;
        if (phases.Count == 0)
        {
            return $"[{_prefix}] (no phase ended)\n";
        }

        var text = new StringBuilder();
        foreach (var phase in phases)
        {
            text.Append(CultureInfo.InvariantCulture, $"[{_prefix}] {phase}\n");
        }

        return text.ToString();
    }

    private void Record(PhaseRecord phase)
    {
        lock (_lock)
        {
            _phases.Add(phase);
            _writer.WriteLine($"[{_prefix}] {phase}");
            _writer.Flush();
        }
    }

    private static string FirstLine(Exception exception)
    {
        var message = exception.Message;
        var end = message.AsSpan().IndexOfAny('\r', '\n');
        return $"{exception.GetType().Name}: {(end >= 0 ? message[..end] : message)}";
    }
}
