using System.Net;
using EgressSpecs.Environments.ThirdParties;

namespace EgressSpecs.Environments.Local;

/// <summary>
/// The local target's third parties: the third-party program as its own process, every party on one port at its
/// <see cref="AddressPlan"/> address, read through the same observation client the k3s target uses.
/// </summary>
internal sealed class LocalThirdParties : IAsyncDisposable
{
    private readonly ThirdPartiesProcess _process;
    private readonly string _directory;

    private LocalThirdParties(ThirdPartiesProcess process, ThirdPartyObservations observations, string directory)
    {
        _process = process;
        Observations = observations;
        _directory = directory;
    }

    public ThirdPartyObservations Observations { get; }

    /// <summary>The one port every third party listens on.</summary>
    public int Port => _process.Ready.Parties[0].Port;

    /// <summary>What the program printed, for diagnostics.</summary>
    public string Output => _process.Output;

    public static async Task<LocalThirdParties> StartAsync(
        EphemeralCertificates certificates, int? fixedPort, TimeSpan startTimeout, CancellationToken cancellationToken)
    {
        var directory = Directory.CreateTempSubdirectory("egress-specs-third-parties-").FullName;
        try
        {
            var places = AddressPlan.ThirdParties.Select(party => new ThirdPartyPlace(party.Role, party.Host, new IPEndPoint(party.Address, fixedPort ?? 0))).ToList();
            var settings = ThirdPartySettings.WriteTo(directory, places, certificates, new IPEndPoint(IPAddress.Loopback, 0), sharePort: true);
            var process = await ThirdPartiesProcess.StartAsync(settings, startTimeout, cancellationToken);
            var observations = new ThirdPartyObservations(process.Ready.ObservationApi, places.Select(place => (place.Role, place.Host)));
            return new LocalThirdParties(process, observations, directory);
        }
        catch
        {
            Directory.Delete(directory, recursive: true);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        Observations.Dispose();
        await _process.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }
}
