using EgressSpecs.Environments;
using EgressSpecs.Specs.Support;

namespace EgressSpecs.Specs.Drivers;

/// <summary>What the target's third parties saw of this scenario.</summary>
internal sealed class ThirdPartyDriver(IEgressTarget target, ScenarioIsolation isolation)
{
    public IThirdParty ByHost(string host)
    {
        return target.ThirdParties.Values.FirstOrDefault(party => party.Host.Equals(host, StringComparison.OrdinalIgnoreCase))
            ?? throw new InvalidOperationException(
                $"The target has no third party named '{host}'; it has {string.Join(", ", target.ThirdParties.Values.Select(party => party.Host))}.");
    }

    public IThirdParty ByRole(ThirdPartyRole role) => target.ThirdParties[role];

    /// <summary>The requests this scenario made the third party see.</summary>
    public Task<IReadOnlyList<ObservedRequest>> RequestsAsync(string host) =>
        ByHost(host).RequestsAsync(isolation.PathPrefix, TestContext.Current.CancellationToken);

    /// <summary>Every connection the third party accepted, from any scenario: used only for parties no scenario may reach.</summary>
    public Task<IReadOnlyList<ObservedConnection>> AllConnectionsAsync(IThirdParty party) =>
        party.ConnectionsAsync(TestContext.Current.CancellationToken);

    public string Unisolate(ObservedRequest request) => isolation.Unisolate(request.PathAndQuery);
}
