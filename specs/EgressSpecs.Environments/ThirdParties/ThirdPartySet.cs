using System.Net;
using System.Net.Sockets;
using EgressSpecs.Environments.Local;

namespace EgressSpecs.Environments.ThirdParties;

/// <summary>
/// Every third party of the <see cref="AddressPlan"/>, on one shared port: the first binds port 0 (or the fixed
/// port), the others reuse the port it got; a conflict on a random port starts over with a new one.
/// </summary>
internal sealed class ThirdPartySet : IAsyncDisposable
{
    private const int Attempts = 5;

    private readonly List<IAsyncDisposable> _running;

    private ThirdPartySet(int port, IReadOnlyDictionary<ThirdPartyRole, IThirdParty> parties, List<IAsyncDisposable> running)
    {
        Port = port;
        Parties = parties;
        _running = running;
    }

    public int Port { get; }

    public IReadOnlyDictionary<ThirdPartyRole, IThirdParty> Parties { get; }

    public static async Task<ThirdPartySet> StartAsync(EphemeralCertificates certificates, int? fixedPort, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var running = new List<IAsyncDisposable>();
            var parties = new Dictionary<ThirdPartyRole, IThirdParty>();
            try
            {
                var port = fixedPort ?? 0;
                foreach (var place in AddressPlan.ThirdParties)
                {
                    var party = await StartOneAsync(place, new IPEndPoint(place.Address, port), certificates, cancellationToken);
                    running.Add((IAsyncDisposable)party);
                    parties[place.Role] = party;
                    port = PortOf(party);
                }

                return new ThirdPartySet(port, parties, running);
            }
            catch (Exception exception) when (fixedPort is null && attempt < Attempts && IsAddressInUse(exception))
            {
                await DisposeAllAsync(running);
            }
            catch
            {
                await DisposeAllAsync(running);
                throw;
            }
        }
    }

    public ValueTask DisposeAsync() => DisposeAllAsync(_running);

    private static async Task<IThirdParty> StartOneAsync(
        ThirdPartyAddress place, IPEndPoint endpoint, EphemeralCertificates certificates, CancellationToken cancellationToken)
    {
        var trusted = certificates.TrustedCa;
        return place.Role switch
        {
            ThirdPartyRole.Api => WireMockApi.Start(place.Host, endpoint, certificates.Issue(trusted, place.Host)),
            ThirdPartyRole.WrongName => await ListenAsync(certificates.Issue(trusted, AddressPlan.WrongCertificateName)),
            ThirdPartyRole.SelfSigned => await ListenAsync(certificates.SelfSigned(place.Host)),
            ThirdPartyRole.UntrustedIssuer => await ListenAsync(certificates.Issue(certificates.UntrustedCa, place.Host)),
            ThirdPartyRole.Faulty => await ObservedHttpsListener.StartAsync(
                place.Role, place.Host, endpoint, certificates.Issue(trusted, place.Host), cancellationToken, FaultyAnswers.AnswerAsync),
            ThirdPartyRole.InternalService => await ListenAsync(certificates.Issue(
                trusted, [place.Host, .. AddressPlan.InternalNames.Select(name => name.TrimEnd('.')), place.Address.ToString()])),
            _ => await ListenAsync(certificates.Issue(trusted, place.Host)),
        };

        async Task<IThirdParty> ListenAsync(System.Security.Cryptography.X509Certificates.X509Certificate2 certificate) =>
            await ObservedHttpsListener.StartAsync(place.Role, place.Host, endpoint, certificate, cancellationToken);
    }

    private static int PortOf(IThirdParty party) => party switch
    {
        WireMockApi api => api.Port,
        ObservedHttpsListener listener => listener.Port,
        _ => throw new InvalidOperationException($"Unknown third party {party.GetType().Name}."),
    };

    private static bool IsAddressInUse(Exception exception)
    {
        for (var cause = (Exception?)exception; cause is not null; cause = cause.InnerException)
        {
            if (cause is SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse }
                || cause.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static async ValueTask DisposeAllAsync(List<IAsyncDisposable> running)
    {
        foreach (var party in Enumerable.Reverse(running))
        {
            await party.DisposeAsync();
        }

        running.Clear();
    }
}
