namespace EgressSpecs.ThirdParties;

/// <summary>A TCP connection a third party accepted, and what its TLS handshake showed.</summary>
/// <param name="AcceptedAt">When the connection was accepted.</param>
/// <param name="ClientHelloSeen">True when a TLS ClientHello arrived (the server chose a certificate).</param>
/// <param name="Sni">The server name the client sent, or null when it sent none (or no ClientHello arrived).</param>
/// <param name="TlsProtocol">The negotiated protocol (e.g. <c>Tls13</c>) once the handshake completed, else null.</param>
/// <param name="Id">The server's connection id: the <see cref="ObservedRequest.ConnectionId"/> of the requests it carried.</param>
public sealed record ObservedConnection(DateTimeOffset AcceptedAt, bool ClientHelloSeen, string? Sni, string? TlsProtocol, string? Id = null);
