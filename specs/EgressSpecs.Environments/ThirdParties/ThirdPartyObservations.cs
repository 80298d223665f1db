
namespace EgressSpecs.Environments.ThirdParties;

/// <summary>The third parties of one running third-party program (a local process or a container), by role.</summary>
internal sealed class ThirdPartyObservations : IDisposable
{
    private readonly HttpClient _api;

    public ThirdPartyObservations(Uri observationApi, IEnumerable<(ThirdPartyRole Role, string Host)> parties)
    {
        _api = new HttpClient(new SocketsHttpHandler { UseProxy = false, ConnectTimeout = TimeSpan.FromSeconds(5) })
        {
            BaseAddress = observationApi,
            Timeout = TimeSpan.FromSeconds(30),
        };
        Parties = parties.ToDictionary(party => party.Role, party => (IThirdParty)new ObservedThirdParty(_api, party.Role, party.Host));
    }

    public Uri ObservationApi => _api.BaseAddress!;

    public IReadOnlyDictionary<ThirdPartyRole, IThirdParty> Parties { get; }

    public void Dispose() => _api.Dispose();
}
