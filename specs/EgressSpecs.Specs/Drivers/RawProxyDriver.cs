using System.Net.Security;
using System.Text;
using EgressSpecs.Environments;
using EgressSpecs.Environments.Support;
using EgressSpecs.Specs.Support;

namespace EgressSpecs.Specs.Drivers;

/// <summary>
/// Talks to the proxy Service byte by byte, for requests no HTTP client would send: sends bytes, reads the status line
/// and headers with a timeout, notices a closed connection. Holds idle connections open until the scenario ends.
/// </summary>
internal sealed class RawProxyDriver(IEgressTarget target, ScenarioIsolation isolation) : IDisposable
{
    private static readonly TimeSpan AnswerTimeout = TimeSpan.FromSeconds(10);
    private static readonly byte[] EndOfHead = "\r\n\r\n"u8.ToArray();

    private readonly List<Stream> _held = [];

    public RawExchange? LastExchange { get; private set; }

    public async Task SendLinesAsync(string text) => LastExchange = await ExchangeAsync(RawRequestText.Encode(text, isolation));

    public async Task SendHeaderFloodAsync(string host, int count, int size)
    {
        var request = new StringBuilder($"GET {isolation.Isolate("/flood")} HTTP/1.1\r\nHost: {host}\r\n");
        for (var index = 0; index < count; index++)
        {
            request.Append($"X-Filler-{index}: ").Append('a', size).Append("\r\n");
        }

        LastExchange = await ExchangeAsync(Encoding.ASCII.GetBytes(request.Append("\r\n").ToString()));
    }

    /// <summary>Starts a TLS handshake on the plaintext port, as a client that was told https:// would, and keeps what the proxy sent back.</summary>
    public async Task SendTlsClientHelloAsync(string host)
    {
        await using var connection = await ConnectAsync();
        var recording = new RecordingStream(connection);
        using var timeout = new CancellationTokenSource(AnswerTimeout);
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, TestContext.Current.CancellationToken);
        await using var tls = new SslStream(recording, leaveInnerStreamOpen: true, (_, _, _, _) => true);
        var closed = false;
        try
        {
            await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions { TargetHost = host }, cancel.Token);
        }
        catch (Exception exception) when (exception is IOException or System.Security.Authentication.AuthenticationException)
        {
            closed = true;
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            closed = false;
        }

        LastExchange = Parse(recording.Received, closed);
    }

    /// <summary>Opens connections that each send the start of a request line and nothing more, and keeps them open.</summary>
    public async Task DribbleAsync(int connections, string partialRequestLine)
    {
        var bytes = Encoding.ASCII.GetBytes(partialRequestLine);
        for (var index = 0; index < connections; index++)
        {
            var connection = await ConnectAsync();
            _held.Add(connection);
            await connection.WriteAsync(bytes, TestContext.Current.CancellationToken);
            await connection.FlushAsync(TestContext.Current.CancellationToken);
        }
    }

    public void Dispose()
    {
        foreach (var connection in _held)
        {
            connection.Dispose();
        }

        _held.Clear();
    }

    private async Task<Stream> ConnectAsync()
    {
        return await target.ConnectToProxyAsync(TestContext.Current.CancellationToken);
    }

    private async Task<RawExchange> ExchangeAsync(byte[] request)
    {
        await using var connection = await ConnectAsync();
        using var timeout = new CancellationTokenSource(AnswerTimeout);
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, TestContext.Current.CancellationToken);
        var received = new MemoryStream();
        try
        {
            // The proxy may answer and close before it read everything: a failed write is not the outcome, the answer is.
            try
            {
                await connection.WriteAsync(request, cancel.Token);
                await connection.FlushAsync(cancel.Token);
            }
            catch (IOException)
            {
            }

            var buffer = new byte[8192];
            while (IndexOfEndOfHead(received) < 0)
            {
                var read = await connection.ReadAsync(buffer, cancel.Token);
                if (read == 0)
                {
                    return Parse(received.ToArray(), closed: true);
                }

                received.Write(buffer, 0, read);
            }

            return Parse(received.ToArray(), closed: false);
        }
        catch (IOException)
        {
            return Parse(received.ToArray(), closed: true);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            return Parse(received.ToArray(), closed: false);
        }
    }

    private static int IndexOfEndOfHead(MemoryStream received) => received.GetBuffer().AsSpan(0, (int)received.Length).IndexOf(EndOfHead);

    private static RawExchange Parse(byte[] received, bool closed)
    {
        // Whatever came back that is not a well-formed head (nothing, a TLS alert, garbage) is "no status".
        HttpHead? head;
        try
        {
            head = HttpHead.TryRead(received);
        }
        catch (FormatException)
        {
            head = null;
        }

        return new RawExchange(head?.StatusCode, closed, head?.Text ?? Encoding.Latin1.GetString(received));
    }

    /// <summary>Passes everything through and keeps the bytes read, to see what a server answered a handshake with.</summary>
    private sealed class RecordingStream(Stream inner) : Stream
    {
        private readonly MemoryStream _received = new();

        public byte[] Received => _received.ToArray();

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var read = await inner.ReadAsync(buffer, cancellationToken);
            _received.Write(buffer.Span[..read]);
            return read;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = inner.Read(buffer, offset, count);
            _received.Write(buffer, offset, read);
            return read;
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
            inner.WriteAsync(buffer, cancellationToken);

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            inner.WriteAsync(buffer, offset, count, cancellationToken);

        public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);

        public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

        public override void Flush() => inner.Flush();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _received.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
