namespace EgressSpecs.Environments.Support;

/// <summary>
/// Waits for a condition in a cluster by asking again every <see cref="Interval"/> until a deadline: the cluster
/// changes on its own schedule (kubelet sync, image pulls, Helm jobs), so no fixed sleep could be right.
/// </summary>
internal static class Poll
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Calls <paramref name="probe"/> until it returns a value (not null); on timeout throws a
    /// <see cref="TimeoutException"/> naming <paramref name="what"/> and the last state the probe described.
    /// </summary>
    /// <param name="what">What is awaited, e.g. "Deployment egress/egress-proxy to be available".</param>
    /// <param name="timeout">The deadline.</param>
    /// <param name="probe">Returns the awaited value, or null and a description of the state seen.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    public static async Task<T> UntilAsync<T>(
        string what, TimeSpan timeout, Func<CancellationToken, Task<(T? Value, string State)>> probe, CancellationToken cancellationToken)
        where T : class
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
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
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"Waited {timeout.TotalSeconds:0} s for {what}; last seen: {last}");
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
}
