namespace EgressSpecs.ThirdParties;

/// <summary>Thread-safe record of the HTTP requests one third party received.</summary>
internal sealed class RequestLog
{
    private readonly Lock _lock = new();
    private readonly List<ObservedRequest> _requests = [];

    public void Add(ObservedRequest request)
    {
        lock (_lock)
        {
            _requests.Add(request);
        }
    }

    public IReadOnlyList<ObservedRequest> Snapshot(string? pathPrefix)
    {
        lock (_lock)
        {
            return [.. _requests.Where(request => pathPrefix is null || request.PathAndQuery.StartsWith(pathPrefix, StringComparison.Ordinal))];
        }
    }
}
