using System.Globalization;
using System.Text;

namespace EgressSpecs.Environments.Support;

/// <summary>
/// The phases a cluster target goes through (Docker check, image builds, node start, ...), each with its duration
/// and outcome, written as each ends: the first person who runs a target can tell where it stopped and how long
/// each step took.
/// </summary>
internal sealed class PhaseLog(string target, TextWriter output, TimeProvider? clock = null)
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private readonly Lock _lock = new();
    private readonly List<Phase> _phases = [];

    /// <summary>The phases that ended, in the order they ended.</summary>
    public IReadOnlyList<Phase> Phases
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
        await RunAsync<object?>(name, async token => { await phase(token); return null; }, cancellationToken);

    public async Task<T> RunAsync<T>(string name, Func<CancellationToken, Task<T>> phase, CancellationToken cancellationToken)
    {
        var started = _clock.GetTimestamp();
        try
        {
            var result = await phase(cancellationToken);
            End(new Phase(name, _clock.GetElapsedTime(started), null));
            return result;
        }
        catch (Exception exception)
        {
            End(new Phase(name, _clock.GetElapsedTime(started), FirstLine(exception.Message)));
            throw;
        }
    }

    /// <summary>Every phase, one line each, for a report.</summary>
    public string Render()
    {
        var text = new StringBuilder();
        foreach (var phase in Phases)
        {
            text.AppendLine(phase.ToString(target));
        }

        return text.ToString();
    }

    private void End(Phase phase)
    {
        lock (_lock)
        {
            _phases.Add(phase);
        }

        output.WriteLine(phase.ToString(target));
    }

    private static string FirstLine(string message) => message.Split('\n', 2)[0].TrimEnd();

    /// <summary>One ended phase: its name, how long it took, and why it failed (null when it succeeded).</summary>
    public sealed record Phase(string Name, TimeSpan Duration, string? Failure)
    {
        public string ToString(string target) => string.Create(CultureInfo.InvariantCulture,
            $"[{target}] {Name}: {Duration.TotalSeconds:0.0} s {(Failure is null ? "ok" : "FAILED: " + Failure)}");
    }
}
