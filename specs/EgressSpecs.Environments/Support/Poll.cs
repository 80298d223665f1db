using System.Diagnostics;
using System.Globalization;

namespace EgressSpecs.Environments.Support;

/// <summary>
/// Waits for a condition in a cluster by asking again every <see cref="Interval"/> until a deadline: the cluster
/// changes on its own schedule (kubelet sync, image pulls, Helm jobs), so no fixed sleep could be right.
/// </summary>
/// <remarks>
/// Whatever ends the wait, the exception names what was awaited, the last state seen and how long it waited: a wait
/// is most often ended by the caller's token (the target's overall start deadline), and a bare "operation was
/// cancelled" then hides the one fact the person reading the log needs.
/// </remarks>
internal static class Poll
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Calls <paramref name="probe"/> until it returns a value (not null). When <paramref name="timeout"/> passes it
    /// throws a <see cref="TimeoutException"/>; when <paramref name="cancellationToken"/> is cancelled it throws an
    /// <see cref="OperationCanceledException"/> for that token. Both messages say
    /// "waiting for <paramref name="what"/> ... last seen: ...".
    /// </summary>
    /// <param name="what">What is awaited, e.g. "Deployment egress/egress-proxy to be available".</param>
    /// <param name="timeout">The deadline of this wait.</param>
    /// <param name="probe">Returns the awaited value, or null and a description of the state seen.</param>
    /// <param name="cancellationToken">Cancels the wait (e.g. an overall deadline of which this wait is one step).</param>
    public static async Task<T> UntilAsync<T>(
        string what, TimeSpan timeout, Func<CancellationToken, Task<(T? Value, string State)>> probe, CancellationToken cancellationToken)
        where T : class
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var waited = Stopwatch.StartNew();
        var last = "not asked yet";
        try
        {
            while (true)
            {
                var (value, state) = await probe(deadline.Token);
                if (value is not null)
                {
                    return value;
                }

                last = state;
                await Task.Delay(Interval, deadline.Token);
            }
        }
        catch (OperationCanceledException exception) when (cancellationToken.IsCancellationRequested)
        {
            // The caller's token: keep cancellation semantics (its token, so callers that filter on it still match).
            throw new OperationCanceledException(
                $"Cancelled after {Seconds(waited.Elapsed)} (of this step's {Seconds(timeout)}) while waiting for {what}; last seen: {last}",
                exception,
                cancellationToken);
        }
        catch (OperationCanceledException exception) when (deadline.IsCancellationRequested)
        {
            throw new TimeoutException($"Timed out after {Seconds(waited.Elapsed)} waiting for {what}; last seen: {last}", exception);
        }
    }

    /// <summary>As <see cref="UntilAsync{T}"/> for a condition without a value.</summary>
    public static Task UntilTrueAsync(
        string what, TimeSpan timeout, Func<CancellationToken, Task<(bool Done, string State)>> probe, CancellationToken cancellationToken) =>
        UntilAsync<string>(what, timeout, async token =>
        {
            var (done, state) = await probe(token);
            return (done ? string.Empty : null, state);
        }, cancellationToken);

    private static string Seconds(TimeSpan span) => string.Create(CultureInfo.InvariantCulture, $"{span.TotalSeconds:0.#} s");
}
