namespace EgressSpecs.Environments;

/// <summary>
/// Which of a third party's connections one scenario caused. Scenarios share the third parties and run in parallel,
/// and each marks its requests with its own path prefix, so a connection that carried a request belongs to the
/// scenario whose prefix the request had. A connection that carried no request (a handshake the client gave up, a
/// tunnel) counts for every scenario running when it was accepted: a proxy's leak is never hidden, and a leak of an
/// earlier scenario never fails a later one.
/// </summary>
public static class ScenarioConnections
{
    public static IReadOnlyList<ObservedConnection> Of(
        IReadOnlyList<ObservedConnection> connections, IReadOnlyList<ObservedRequest> requests, string pathPrefix, DateTimeOffset scenarioStartedAt)
    {
        var carriedMine = ConnectionIds(requests, request => IsMine(request, pathPrefix));
        var carriedOthers = ConnectionIds(requests, request => !IsMine(request, pathPrefix));
        return [.. connections.Where(connection =>
            connection.Id is { } id && carriedMine.Contains(id)
            || ((connection.Id is null || !carriedOthers.Contains(connection.Id)) && connection.AcceptedAt >= scenarioStartedAt))];
    }

    private static bool IsMine(ObservedRequest request, string pathPrefix) => request.PathAndQuery.StartsWith(pathPrefix, StringComparison.Ordinal);

    private static HashSet<string> ConnectionIds(IEnumerable<ObservedRequest> requests, Func<ObservedRequest, bool> which) =>
        [.. requests.Where(which).Select(request => request.ConnectionId).OfType<string>()];
}
