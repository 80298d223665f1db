using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace EgressSpecs.ThirdParties;

/// <summary>
/// The running third parties. With <see cref="ThirdPartiesOptions.SharePort"/> the first binds its port (0: a random
/// one) and the others reuse the port it got; a conflict on a random port starts over with a new one.
/// </summary>
internal sealed class ThirdPartySet : IAsyncDisposable
{
    private const int Attempts = 5;

    private readonly List<IObservedParty> _running;

    private ThirdPartySet(List<IObservedParty> running)
    {
        _running = running;
    }

    public IReadOnlyList<IObservedParty> Parties => _running;

    public static async Task<ThirdPartySet> StartAsync(ThirdPartiesOptions options, CancellationToken cancellationToken)
    {
        var certificates = options.Parties.ToDictionary(party => party.Role, LoadCertificate);
        var randomPort = options.SharePort && ThirdPartiesOptions.Endpoint(options.Parties[0].Listen, "listen").Port == 0;
        for (var attempt = 1; ; attempt++)
        {
            var running = new List<IObservedParty>();
            try
            {
                int? sharedPort = null;
                foreach (var party in options.Parties)
                {
                    var endpoint = ThirdPartiesOptions.Endpoint(party.Listen, "listen");
                    if (sharedPort is { } port)
                    {
                        endpoint.Port = port;
                    }

                    var started = await StartOneAsync(party, endpoint, certificates[party.Role], cancellationToken);
                    running.Add(started);
                    sharedPort = options.SharePort ? started.Port : null;
                }

                return new ThirdPartySet(running);
            }
            catch (Exception exception) when (randomPort && attempt < Attempts && IsAddressInUse(exception))
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

    public async ValueTask DisposeAsync() => await DisposeAllAsync(_running);

    private static async Task<IObservedParty> StartOneAsync(
        ThirdPartyOptions party, IPEndPoint endpoint, X509Certificate2 certificate, CancellationToken cancellationToken) => party.Role switch
        {
            ThirdPartyRole.Api => WireMockApi.Start(party.Host, endpoint, certificate),
            ThirdPartyRole.Faulty => await ObservedHttpsListener.StartAsync(party.Role, party.Host, endpoint, certificate, cancellationToken, FaultyAnswers.AnswerAsync),
            _ => await ObservedHttpsListener.StartAsync(party.Role, party.Host, endpoint, certificate, cancellationToken),
        };

    private static X509Certificate2 LoadCertificate(ThirdPartyOptions party)
    {
        try
        {
            return X509Certificate2.CreateFromPemFile(party.CertificateFile, party.KeyFile);
        }
        catch (Exception exception) when (exception is CryptographicException or ArgumentException)
        {
            throw new InvalidDataException(
                $"The {party.Role} third party's certificate '{party.CertificateFile}' with key '{party.KeyFile}' cannot be loaded: {exception.Message}", exception);
        }
    }

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

    private static async Task DisposeAllAsync(List<IObservedParty> running)
    {
        foreach (var party in Enumerable.Reverse(running))
        {
            await party.DisposeAsync();
        }

        running.Clear();
    }
}
