using System.Net;
using EgressSpecs.Environments.Local;
using EgressSpecs.Environments.ThirdParties;

namespace EgressSpecs.Environments.Tests.ThirdParties;

/// <summary>One set of third parties for the tests of a class (they only add to its logs, and filter by their own token).</summary>
public sealed class ThirdPartySetFixture : IAsyncLifetime
{
    private ThirdPartySet? _set;

    internal EphemeralCertificates Certificates { get; } = new();

    internal ThirdPartySet Set => _set ?? throw new InvalidOperationException("Not started.");

    internal IPEndPoint EndPointOf(ThirdPartyRole role) => new(AddressPlan.For(role).Address, Set.Port);

    public async ValueTask InitializeAsync() =>
        _set = await ThirdPartySet.StartAsync(Certificates, fixedPort: null, TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (_set is not null)
        {
            await _set.DisposeAsync();
        }

        Certificates.Dispose();
    }
}
