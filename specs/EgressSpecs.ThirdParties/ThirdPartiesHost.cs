namespace EgressSpecs.ThirdParties;

/// <summary>The third parties of <see cref="ThirdPartiesOptions"/> and their observation API, running in this process.</summary>
public sealed class ThirdPartiesHost : IAsyncDisposable
{
    private readonly ThirdPartySet _parties;
    private readonly ObservationApi _api;

    private ThirdPartiesHost(ThirdPartySet parties, ObservationApi api)
    {
        _parties = parties;
        _api = api;
    }

    /// <summary>The observation API's base address.</summary>
    public Uri ObservationApi => _api.Address;

    /// <summary>Each running third party with the port it got.</summary>
    public IReadOnlyList<ObservedPartyInfo> Parties => [.. _parties.Parties.Select(party => new ObservedPartyInfo(party.Role, party.Host, party.Port))];

    public static async Task<ThirdPartiesHost> StartAsync(ThirdPartiesOptions options, CancellationToken cancellationToken)
    {
        options.Validated("third parties' settings");
        var parties = await ThirdPartySet.StartAsync(options, cancellationToken);
        try
        {
            var api = await EgressSpecs.ThirdParties.ObservationApi.StartAsync(
                ThirdPartiesOptions.Endpoint(options.ObservationApi, "observationApi"), parties.Parties, cancellationToken);
            return new ThirdPartiesHost(parties, api);
        }
        catch
        {
            await parties.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _api.DisposeAsync();
        await _parties.DisposeAsync();
    }
}
