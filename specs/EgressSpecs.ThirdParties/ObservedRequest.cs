namespace EgressSpecs.ThirdParties;

/// <summary>An HTTP request as a third party received it.</summary>
/// <param name="Method">The method.</param>
/// <param name="PathAndQuery">The path and query as sent on the wire, e.g. <c>/specs/abc/x?y=1</c>.</param>
/// <param name="Host">The Host header (or HTTP/2 :authority).</param>
/// <param name="Headers">Every request header, names case-insensitive.</param>
/// <param name="BodyLength">Bytes in the body.</param>
/// <param name="BodySha256">Lowercase hex SHA-256 of the body.</param>
/// <param name="Protocol">The HTTP version, e.g. <c>HTTP/1.1</c> or <c>HTTP/2</c>.</param>
public sealed record ObservedRequest(
    string Method,
    string PathAndQuery,
    string Host,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Headers,
    long BodyLength,
    string BodySha256,
    string Protocol)
{
    /// <summary>The connection the request came on, where the third party can tell (requests on one connection share it).</summary>
    public string? ConnectionId { get; init; }

    /// <summary>The TLS server name (SNI) of that connection's handshake, where observable.</summary>
    public string? Sni { get; init; }

    /// <summary>The TLS version of that connection, where observable.</summary>
    public System.Security.Authentication.SslProtocols? TlsProtocol { get; init; }

    /// <summary>The first value of a header, or null.</summary>
    public string? Header(string name) => Headers.TryGetValue(name, out var values) && values.Count > 0 ? values[0] : null;
}
