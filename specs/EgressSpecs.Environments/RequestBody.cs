namespace EgressSpecs.Environments;

/// <summary>
/// A request body: fixed bytes, or <see cref="GeneratedBody"/> bytes streamed without ever being held whole,
/// so that a cluster target can produce the same body inside a pod. Either way its length and SHA-256 are known.
/// </summary>
public sealed class RequestBody
{
    private readonly byte[]? _bytes;

    private RequestBody(byte[]? bytes, long length, string sha256, string? contentType)
    {
        _bytes = bytes;
        Length = length;
        Sha256 = sha256;
        ContentType = contentType;
    }

    /// <summary>The number of bytes sent.</summary>
    public long Length { get; }

    /// <summary>The lowercase hex SHA-256 of the bytes sent.</summary>
    public string Sha256 { get; }

    /// <summary>The Content-Type header sent with the body, or null for none.</summary>
    public string? ContentType { get; }

    /// <summary>True when the body is generated and streamed (sent chunked).</summary>
    public bool IsGenerated => _bytes is null;

    /// <summary>A body of the given bytes, sent with a Content-Length.</summary>
    public static RequestBody FromBytes(byte[] bytes, string? contentType = null)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        return new RequestBody(bytes.ToArray(), bytes.LongLength, GeneratedBody.HexSha256(bytes), contentType);
    }

    /// <summary>A UTF-8 text body.</summary>
    public static RequestBody FromText(string text, string contentType = "text/plain; charset=utf-8") =>
        FromBytes(System.Text.Encoding.UTF8.GetBytes(text), contentType);

    /// <summary>A <see cref="GeneratedBody"/> of <paramref name="length"/> bytes, streamed (chunked, no Content-Length).</summary>
    public static RequestBody Generated(long length, string? contentType = "application/octet-stream") =>
        new(null, length, GeneratedBody.Sha256(length), contentType);

    /// <summary>Opens the bytes to send.</summary>
    public Stream OpenRead() => _bytes is null ? GeneratedBody.Open(Length) : new MemoryStream(_bytes, writable: false);
}
