using System.Net;
using System.Net.Sockets;
using System.Text;
using EgressSpecs.Environments.Local.Pods;

namespace EgressSpecs.Environments.Tests.Local.Pods;

public sealed class ServiceRelayTests
{
    private readonly CancellationToken _cancellationToken = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Relay_BytesBothWays_WithTheAppsHalfClosePassedOn()
    {
        // Given: an endpoint that answers with what it read once the app has finished sending
        using var endpoint = Listen();
        var served = ServeOnceAsync(endpoint, async connection =>
        {
            var request = await ReadToEndAsync(connection);
            await connection.SendAsync(Encoding.ASCII.GetBytes($"got {request}"), SocketFlags.None, _cancellationToken);
            connection.Shutdown(SocketShutdown.Send);
        });
        await using var relay = ServiceRelay.Start(new IPEndPoint(IPAddress.Loopback, 0), endpoint.LocalEndPoint!);
        using var app = new Socket(SocketType.Stream, ProtocolType.Tcp);
        await app.ConnectAsync(relay.Service, _cancellationToken);

        // When
        await app.SendAsync("hello"u8.ToArray(), SocketFlags.None, _cancellationToken);
        app.Shutdown(SocketShutdown.Send);
        var answer = await ReadToEndAsync(app);

        // Then
        Assert.Equal("got hello", answer);
        await served;
    }

    [Fact]
    public async Task Relay_EndpointRefuses_ResetsTheAppsConnection()
    {
        // Given: an endpoint address nothing listens on
        var dead = new Socket(SocketType.Stream, ProtocolType.Tcp);
        dead.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        await using var relay = ServiceRelay.Start(new IPEndPoint(IPAddress.Loopback, 0), dead.LocalEndPoint!);
        using var app = new Socket(SocketType.Stream, ProtocolType.Tcp);

        // When: the reset may already surface in the connect (the relay accepts and resets at once)
        var failure = await Record.ExceptionAsync(async () =>
        {
            await app.ConnectAsync(relay.Service, _cancellationToken);
            await app.ReceiveAsync(new byte[16], SocketFlags.None, _cancellationToken);
        });

        // Then
        Assert.Equal(SocketError.ConnectionReset, Assert.IsType<SocketException>(failure).SocketErrorCode);
        dead.Dispose();
    }

    private static Socket Listen()
    {
        var listener = new Socket(SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen();
        return listener;
    }

    private async Task ServeOnceAsync(Socket listener, Func<Socket, Task> serve)
    {
        using var connection = await listener.AcceptAsync(_cancellationToken);
        await serve(connection);
    }

    private async Task<string> ReadToEndAsync(Socket socket)
    {
        var buffer = new byte[1024];
        var text = new StringBuilder();
        int read;
        while ((read = await socket.ReceiveAsync(buffer, SocketFlags.None, _cancellationToken)) > 0)
        {
            text.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }

        return text.ToString();
    }
}
