namespace EgressSpecs.ThirdParties;

/// <summary>One running third party and what it has observed so far.</summary>
internal interface IObservedParty : IAsyncDisposable
{
    ThirdPartyRole Role { get; }

    string Host { get; }

    /// <summary>The port it listens on (the one asked for, or the one the system chose for port 0).</summary>
    int Port { get; }

    /// <summary>The requests it received, oldest first; only those whose path starts with <paramref name="pathPrefix"/> when given.</summary>
    IReadOnlyList<ObservedRequest> Requests(string? pathPrefix);

    /// <summary>The TCP connections it accepted and what their TLS handshakes showed, oldest first.</summary>
    IReadOnlyList<ObservedConnection> Connections();
}
