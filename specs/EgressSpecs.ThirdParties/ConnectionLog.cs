using System.Security.Authentication;

namespace EgressSpecs.ThirdParties;

/// <summary>Thread-safe record of the connections one listener accepted, filled in as each handshake progresses.</summary>
internal sealed class ConnectionLog
{
    private readonly Lock _lock = new();
    private readonly List<Entry> _entries = [];
    private readonly Dictionary<string, Entry> _byConnectionId = [];

    public void Accepted(string connectionId)
    {
        lock (_lock)
        {
            var entry = new Entry(connectionId, DateTimeOffset.UtcNow);
            _entries.Add(entry);
            _byConnectionId[connectionId] = entry;
        }
    }

    /// <summary>The server is choosing its certificate: a ClientHello arrived, with this SNI (or none).</summary>
    public void ClientHello(string connectionId, string? serverName) => Update(connectionId, entry =>
    {
        entry.ClientHelloSeen = true;
        entry.Sni = string.IsNullOrEmpty(serverName) ? null : serverName;
    });

    public void HandshakeCompleted(string connectionId, SslProtocols protocol) => Update(connectionId, entry =>
    {
        if (protocol != SslProtocols.None)
        {
            entry.TlsProtocol = protocol.ToString();
        }
    });

    public void Closed(string connectionId)
    {
        lock (_lock)
        {
            _byConnectionId.Remove(connectionId);
        }
    }

    public IReadOnlyList<ObservedConnection> Snapshot()
    {
        lock (_lock)
        {
            return [.. _entries.Select(entry => new ObservedConnection(entry.AcceptedAt, entry.ClientHelloSeen, entry.Sni, entry.TlsProtocol, entry.Id))];
        }
    }

    private void Update(string connectionId, Action<Entry> update)
    {
        lock (_lock)
        {
            if (_byConnectionId.TryGetValue(connectionId, out var entry))
            {
                update(entry);
            }
        }
    }

    private sealed class Entry(string id, DateTimeOffset acceptedAt)
    {
        public string Id { get; } = id;

        public DateTimeOffset AcceptedAt { get; } = acceptedAt;

        public bool ClientHelloSeen { get; set; }

        public string? Sni { get; set; }

        public string? TlsProtocol { get; set; }
    }
}
