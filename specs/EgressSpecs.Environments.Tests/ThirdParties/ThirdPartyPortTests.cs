using System.Net;
using System.Net.Sockets;
using EgressSpecs.Environments.ThirdParties;

namespace EgressSpecs.Environments.Tests.ThirdParties;

public sealed class ThirdPartyPortTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("egress-specs-third-party-port-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task StartAsync_FixedPort_EveryThirdPartyUsesIt()
    {
        // Given: a port the system just handed out (free on 127.0.0.1, and so very likely on 127.0.0.2-7)
        int port;
        using (var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp))
        {
            probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            port = ((IPEndPoint)probe.LocalEndPoint!).Port;
        }

        using var certificates = new EphemeralCertificates();

        // When
        await using var host = await ThirdPartySetFixture.StartHostAsync(_directory, certificates, port, TestContext.Current.CancellationToken);

        // Then
        Assert.All(host.Parties, party => Assert.Equal(port, party.Port));
    }

    [Fact]
    public async Task StartAsync_FixedPortTaken_FailsInsteadOfChoosingAnother()
    {
        // Given: the port held on the internal service's address
        using var holder = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        holder.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        holder.Listen();
        var port = ((IPEndPoint)holder.LocalEndPoint!).Port;
        using var certificates = new EphemeralCertificates();

        // When
        var failure = await Record.ExceptionAsync(() => ThirdPartySetFixture.StartHostAsync(_directory, certificates, port, TestContext.Current.CancellationToken));

        // Then
        Assert.NotNull(failure);
    }
}
