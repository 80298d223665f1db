using System.Net.Http.Json;

namespace EgressSpecs.Environments.ThirdParties;

/// <summary>One third party of the third-party program, read through the program's observation API.</summary>
internal sealed class ObservedThirdParty(HttpClient api, ThirdPartyRole role, string host) : IThirdParty
{
    public ThirdPartyRole Role { get; } = role;

    public string Host { get; } = host;

    public async Task<IReadOnlyList<ObservedRequest>> RequestsAsync(string? pathPrefix, CancellationToken cancellationToken)
    {
        var query = pathPrefix is null ? string.Empty : $"?prefix={Uri.EscapeDataString(pathPrefix)}";
        var requests = await GetAsync<List<ObservedRequest>>($"parties/{Role}/requests{query}", cancellationToken);

        // JSON has no case-insensitive dictionaries: give header names back HTTP's rule.
        return [.. requests.Select(request => request with
        {
            Headers = new Dictionary<string, IReadOnlyList<string>>(request.Headers, StringComparer.OrdinalIgnoreCase),
        })];
    }

    public async Task<IReadOnlyList<ObservedConnection>> ConnectionsAsync(CancellationToken cancellationToken) =>
        await GetAsync<List<ObservedConnection>>($"parties/{Role}/connections", cancellationToken);

    private async Task<T> GetAsync<T>(string path, CancellationToken cancellationToken)
    {
        using var response = await api.GetAsync(path, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new InvalidOperationException(
                $"The third-party program's observation API answered {(int)response.StatusCode} to GET {new Uri(api.BaseAddress!, path)}: {body}");
        }

        return await response.Content.ReadFromJsonAsync<T>(ObservationApiJson.Options, cancellationToken)
            ?? throw new InvalidOperationException($"The observation API answered GET {path} with null.");
    }
}
