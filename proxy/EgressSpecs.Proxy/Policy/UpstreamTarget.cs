using System.Globalization;

namespace EgressSpecs.Proxy.Policy;

/// <summary>Where one allowed name is forwarded: <c>https://Host:Port</c>, under the entry that allowed it.</summary>
internal sealed class UpstreamTarget
{
    public UpstreamTarget(string host, DestinationEntry entry)
    {
        Host = host;
        Entry = entry;
        DestinationPrefix = entry.Port == 443
            ? "https://" + host
            : string.Create(CultureInfo.InvariantCulture, $"https://{host}:{entry.Port}");
    }

    /// <summary>The lower-case upstream name: SNI, Host header and certificate name.</summary>
    public string Host { get; }

    public int Port => Entry.Port;

    public DestinationEntry Entry { get; }

    public string DestinationPrefix { get; }
}
