using System.Net;
using EgressSpecs.Environments.Local;
using EgressSpecs.Environments.ThirdParties;

namespace EgressSpecs.Environments.Tests.ThirdParties;

/// <summary>
/// The third-party program hosted in this process with the local target's plan, read through its observation API
/// with the client every target uses (the tests of a class only add to its logs, and filter by their own token).
/// </summary>
public sealed class ThirdPartySetFixture : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("egress-specs-third-party-tests-").FullName;
    private ThirdPartiesHost? _host;
    private ThirdPartyObservations? _observations;

    internal EphemeralCertificates Certificates { get; } = new();

    internal IReadOnlyDictionary<ThirdPartyRole, IThirdParty> Parties => (_observations ?? throw new InvalidOperationException("Not started.")).Parties;

    internal ThirdPartiesHost Host => _host ?? throw new InvalidOperationException("Not started.");

    internal int Port => Host.Parties[0].Port;

    internal IPEndPoint EndPointOf(ThirdPartyRole role) => new(AddressPlan.For(role).Address, Port);

    /// <summary>Starts the program in this process with the local plan on <paramref name="port"/> (0: a random one).</summary>
    internal static async Task<ThirdPartiesHost> StartHostAsync(string directory, EphemeralCertificates certificates, int port, CancellationToken cancellationToken)
    {
        var places = AddressPlan.ThirdParties.Select(place => new ThirdPartyPlace(place.Role, place.Host, new IPEndPoint(place.Address, port))).ToList();
        var settings = ThirdPartySettings.WriteTo(directory, places, certificates, new IPEndPoint(IPAddress.Loopback, 0), sharePort: true);
        return await ThirdPartiesHost.StartAsync(ThirdPartiesOptions.Load(settings), cancellationToken);
    }

    public async ValueTask InitializeAsync()
    {
        _host = await StartHostAsync(_directory, Certificates, 0, TestContext.Current.CancellationToken);
        _observations = new ThirdPartyObservations(_host.ObservationApi, _host.Parties.Select(party => (party.Role, party.Host)));
    }

    public async ValueTask DisposeAsync()
    {
        _observations?.Dispose();
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        Certificates.Dispose();
        Directory.Delete(_directory, recursive: true);
    }
}
