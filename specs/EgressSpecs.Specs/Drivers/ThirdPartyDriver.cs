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

    /// <summary>The connections this scenario made the third party accept (<see cref="ScenarioConnections"/>).</summary>
    public async Task<IReadOnlyList<ObservedConnection>> ConnectionsOfThisScenarioAsync(IThirdParty party)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var connections = await party.ConnectionsAsync(cancellationToken);
        var requests = await party.RequestsAsync(pathPrefix: null, cancellationToken);
        return ScenarioConnections.Of(connections, requests, isolation.PathPrefix, isolation.StartedAt);
    }

    public string Unisolate(ObservedRequest request) => isolation.Unisolate(request.PathAndQuery);
}
