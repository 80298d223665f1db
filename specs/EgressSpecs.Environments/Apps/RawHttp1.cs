using System.Globalization;
using System.Text;
using EgressSpecs.Environments.Support;

namespace EgressSpecs.Environments.Apps;

/// <summary>
/// One HTTP/1.1 exchange written by hand on a connection, with <c>Connection: close</c>, for the requests .NET's
/// client cannot express (a Host header it refuses to send as given). The response is read to the end of the
/// connection; a chunked body is decoded.
/// </summary>
internal static class RawHttp1
{
    private const int MaxResponseBytes = 64 * 1024 * 1024;

    public static async Task<AppResponse> SendAsync(Stream connection, AppRequest request, string host, CancellationToken cancellationToken)
    {
        var head = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"{request.Method} {request.Url.PathAndQuery} HTTP/1.1\r\n")
            .Append(CultureInfo.InvariantCulture, $"Host: {host}\r\n");
        foreach (var (name, value) in request.Headers.Where(header => !header.Key.Equals("Host", StringComparison.OrdinalIgnoreCase)))
        {
            head.Append(CultureInfo.InvariantCulture, $"{name}: {value}\r\n");
        }

        if (request.Body is { } body)
        {
            head.Append(CultureInfo.InvariantCulture, $"Content-Length: {body.Length}\r\n");
            if (body.ContentType is { } contentType)
            {
                head.Append(CultureInfo.InvariantCulture, $"Content-Type: {contentType}\r\n");
            }
        }

        head.Append("Connection: close\r\n\r\n");
        await connection.WriteAsync(Encoding.Latin1.GetBytes(head.ToString()), cancellationToken);
        if (request.Body is { } content)
        {
            await using var source = content.OpenRead();
            await source.CopyToAsync(connection, cancellationToken);
        }

        await connection.FlushAsync(cancellationToken);
        return Parse(await ReadToEndAsync(connection, cancellationToken));
    }

    private static async Task<byte[]> ReadToEndAsync(Stream connection, CancellationToken cancellationToken)
    {
        using var received = new MemoryStream();
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await connection.ReadAsync(buffer, cancellationToken)) > 0)
        {
            received.Write(buffer, 0, read);
            if (received.Length > MaxResponseBytes)
            {
                throw new IOException($"The response is larger than {MaxResponseBytes} bytes.");
            }
        }

        return received.ToArray();
    }

    private static AppResponse Parse(byte[] response)
    {
        HttpHead? head;
        try
        {
            head = HttpHead.TryRead(response);
        }
        catch (FormatException exception)
        {
            throw new IOException(exception.Message, exception);
        }

        if (head is null)
        {
            throw new IOException($"The connection closed after {response.Length} bytes, before the end of a response head.");
        }

        var body = response[head.Length..];
        return AppResponse.Received(head.StatusCode, head.Grouped(), head.IsChunked ? Dechunk(body) : body);
    }

    private static byte[] Dechunk(byte[] body)
    {
        using var decoded = new MemoryStream();
        var position = 0;
        while (true)
        {
            var lineEnd = body.AsSpan(position).IndexOf("\r\n"u8);
            if (lineEnd < 0)
            {
                throw new IOException("A chunked body ended inside a chunk-size line.");
            }

            var sizeText = Encoding.Latin1.GetString(body, position, lineEnd).Split(';')[0].Trim();
            var size = int.Parse(sizeText, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            position += lineEnd + 2;
            if (size == 0)
            {
                return decoded.ToArray();
            }

            if (position + size > body.Length)
            {
                throw new IOException("A chunked body ended inside a chunk.");
            }

            decoded.Write(body, position, size);
            position += size + 2;
        }
    }
}
