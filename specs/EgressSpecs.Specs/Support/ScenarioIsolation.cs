namespace EgressSpecs.Specs.Support;

/// <summary>
/// Scenarios share the target's third parties and run in parallel: every request a scenario sends carries its
/// own path prefix, and every observation is filtered by it.
/// </summary>
internal sealed class ScenarioIsolation
{
    public string PathPrefix { get; } = $"/specs-{Guid.NewGuid():N}"[..16];

    /// <summary>When the scenario first needed its isolation: before it sent anything.</summary>
    public DateTimeOffset StartedAt { get; } = DateTimeOffset.UtcNow;

    /// <summary>The path the app really sends for the path a scenario names.</summary>
    public string Isolate(string pathAndQuery) => PathPrefix + (pathAndQuery.StartsWith('/') ? pathAndQuery : "/" + pathAndQuery);

    /// <summary>The path a scenario named, given the path a third party saw.</summary>
    public string Unisolate(string pathAndQuery) =>
        pathAndQuery.StartsWith(PathPrefix, StringComparison.Ordinal) ? pathAndQuery[PathPrefix.Length..] : pathAndQuery;
}
