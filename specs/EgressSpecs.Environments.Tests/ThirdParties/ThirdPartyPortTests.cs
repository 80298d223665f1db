using System.Net;
using System.Net.Sockets;
using EgressSpecs.Environments.ThirdParties;

namespace EgressSpecs.Environments.Tests.ThirdParties;

public sealed class ThirdPartyPortTests
{
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
        await using var set = await ThirdPartySet.StartAsync(certificates, port, TestContext.Current.CancellationToken);

        // Then
        Assert.Equal(port, set.Port);
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
        var failure = await Record.ExceptionAsync(() => ThirdPartySet.StartAsync(certificates, port, TestContext.Current.CancellationToken));

        // Then
        Assert.NotNull(failure);
    }
}
