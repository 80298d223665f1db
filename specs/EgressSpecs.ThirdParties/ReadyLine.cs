using System.Text.Json;

namespace EgressSpecs.ThirdParties;

/// <summary>The line the program prints once every third party and the observation API listen.</summary>
public sealed record ReadyLine(Uri ObservationApi, IReadOnlyList<ObservedPartyInfo> Parties)
{
    public const string Prefix = "third parties ready: ";

    /// <summary>The ready line's content, or null when <paramref name="line"/> is another line.</summary>
    public static ReadyLine? TryParse(string line) =>
        line.StartsWith(Prefix, StringComparison.Ordinal) ? JsonSerializer.Deserialize<ReadyLine>(line[Prefix.Length..], ObservationApiJson.Options) : null;
}

/// <summary>The JSON of the observation API and the ready line, shared by the program and its client.</summary>
public static class ObservationApiJson
{
    public static JsonSerializerOptions Options => ObservationApi.Json;
}
