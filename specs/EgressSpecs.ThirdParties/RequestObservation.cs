using System.Security.Cryptography;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Http.Features;

namespace EgressSpecs.ThirdParties;

/// <summary>
/// ASP.NET Core middleware that records each request: the body is hashed as the handler reads it (never held whole),
/// and the record is written just before the response starts, so a client that has its response can already see it.
/// </summary>
internal static class RequestObservation
{
    public static async Task ObserveAsync(HttpContext context, RequestLog log, ConnectionLog connections, Func<Task> next)
    {
        // A request on a connection proves its handshake completed, whichever middleware saw the connection.
        if (context.Features.Get<ITlsHandshakeFeature>() is { } tls)
        {
            connections.HandshakeCompleted(context.Connection.Id, tls.Protocol);
        }

        var body = new HashingReadStream(context.Request.Body);
        context.Request.Body = body;
        context.Response.RegisterForDispose(body);
        var recorded = 0;
        async Task RecordAsync()
        {
            if (Interlocked.Exchange(ref recorded, 1) == 0)
            {
                await body.DrainAsync(context.RequestAborted);
                log.Add(Describe(context, body));
            }
        }

        context.Response.OnStarting(RecordAsync);
        await next();
        await RecordAsync();
    }

    private static ObservedRequest Describe(HttpContext context, HashingReadStream body)
    {
        var request = context.Request;
        var rawTarget = context.Features.Get<IHttpRequestFeature>()?.RawTarget;
        var pathAndQuery = string.IsNullOrEmpty(rawTarget) ? request.Path + request.QueryString : rawTarget;
        var headers = request.Headers.ToDictionary(
            header => header.Key,
            header => (IReadOnlyList<string>)[.. header.Value.Select(value => value ?? string.Empty)],
            StringComparer.OrdinalIgnoreCase);
        var tls = context.Features.Get<ITlsHandshakeFeature>();
        return new ObservedRequest(request.Method, pathAndQuery, request.Host.Value ?? string.Empty, headers, body.Length, body.Sha256(), request.Protocol)
        {
            ConnectionId = context.Connection.Id,
            Sni = tls?.HostName is { Length: > 0 } sni ? sni : null,
            TlsProtocol = tls?.Protocol,
        };
    }

    private sealed class HashingReadStream(Stream inner) : Stream
    {
        private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        private readonly Lock _lock = new();
        private long _length;
        private string? _sha256;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => _length;

        public override long Position
        {
            get => _length;
            set => throw new NotSupportedException("The observed request body is read once.");
        }

        public async Task DrainAsync(CancellationToken cancellationToken)
        {
            var buffer = new byte[16 * 1024];
            while (await ReadAsync(buffer, cancellationToken) > 0)
            {
            }
        }

        public string Sha256()
        {
            lock (_lock)
            {
                return _sha256 ??= Convert.ToHexStringLower(_hash.GetHashAndReset());
            }
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var read = await inner.ReadAsync(buffer, cancellationToken);
            Observe(buffer.Span[..read]);
            return read;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = inner.Read(buffer, offset, count);
            Observe(buffer.AsSpan(offset, read));
            return read;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException("The observed request body cannot seek.");

        public override void SetLength(long value) => throw new NotSupportedException("The observed request body is read-only.");

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException("The observed request body is read-only.");

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _hash.Dispose();
            }

            base.Dispose(disposing);
        }

        private void Observe(ReadOnlySpan<byte> bytes)
        {
            lock (_lock)
            {
                if (_sha256 is null)
                {
                    _hash.AppendData(bytes);
                    _length += bytes.Length;
                }
            }
        }
    }
}
