using System.Net;

namespace EgressSpecs.Environments.Local.Pods;

/// <summary>
/// Where one local pod's cluster lives on the real path: block N is 127.0.N.0/24, claimed by one local target at a
/// time (several may run at once: test projects, fixtures). Pod I of the block has its proxy Service at
/// 127.0.N.(10+I), port 80, and its cluster DNS at 127.0.N.(53+I), port 53: the meshed app is pod 0, the app that finds the
/// proxy down pod 1, each scenario's own proxy the next free one. A pod's resolv.conf can name no port, so each pod
/// has a DNS address of its own, which answers the proxy Service's name with that pod's Service address.
/// </summary>
internal sealed record PodAddresses
{
    /// <summary>Pod 0: the meshed app.</summary>
    public const int MeshedIndex = 0;

    /// <summary>Pod 1: the meshed app while the proxy Service has no endpoint.</summary>
    public const int ProxyDownIndex = 1;

    /// <summary>The highest pod index: Service addresses (10+I) stay below the first DNS address (53).</summary>
    public const int MaxIndex = 42;

    public const int ServicePort = 80;

    public const int DnsPort = 53;

    private PodAddresses(int block, int index)
    {
        Block = block;
        Index = index;
    }

    /// <summary>N: the third byte of every address of the block.</summary>
    public int Block { get; }

    /// <summary>I: which pod of the block.</summary>
    public int Index { get; }

    public IPEndPoint Service => new(Address(10 + Index), ServicePort);

    public IPEndPoint Dns => new(Address(53 + Index), DnsPort);

    public static PodAddresses For(int block, int index)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(block, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(block, 254);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(index, MaxIndex);
        return new PodAddresses(block, index);
    }

    private IPAddress Address(int last) => new([127, 0, (byte)Block, (byte)last]);
}
