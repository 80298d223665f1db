using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace EgressSpecs.Proxy.Policy;

/// <summary>One row of an IANA special-purpose address registry: a prefix, what it is for, and whether it is globally reachable.</summary>
internal sealed class SpecialPurposeBlock
{
    private readonly UInt128 _base;
    private readonly int _width;

    public SpecialPurposeBlock(string prefix, string name, string reference, GlobalReachability globallyReachable)
    {
        Network = IPNetwork.Parse(prefix);
        Name = name;
        Reference = reference;
        GloballyReachable = globallyReachable;
        _width = IsIPv4 ? 32 : 128;
        Span<byte> bytes = stackalloc byte[16];
        Network.BaseAddress.TryWriteBytes(bytes, out var written);
        _base = AddressBits.Read(bytes[..written]);
    }

    public IPNetwork Network { get; }

    public string Name { get; }

    /// <summary>The RFC that defines the block, as the registry cites it.</summary>
    public string Reference { get; }

    public GlobalReachability GloballyReachable { get; }

    public bool IsIPv4 => Network.BaseAddress.AddressFamily == AddressFamily.InterNetwork;

    public IPAddress First => AddressBits.ToAddress(_base, IsIPv4);

    public IPAddress Last => AddressBits.ToAddress(_base | HostMask, IsIPv4);

    private UInt128 HostMask => Network.PrefixLength == _width ? UInt128.Zero : (UInt128.One << (_width - Network.PrefixLength)) - 1;

    /// <summary>True when <paramref name="address"/> (32 bits for IPv4, 128 for IPv6, of this block's family) lies inside.</summary>
    public bool Contains(UInt128 address) =>
        Network.PrefixLength == 0 || ((address ^ _base) >> (_width - Network.PrefixLength)) == UInt128.Zero;

    public override string ToString() => $"{Network} ({Name}, {Reference})";
}

/// <summary>Addresses as numbers, most significant byte first.</summary>
internal static class AddressBits
{
    public static UInt128 Read(ReadOnlySpan<byte> bytes) =>
        bytes.Length == 4 ? BinaryPrimitives.ReadUInt32BigEndian(bytes) : BinaryPrimitives.ReadUInt128BigEndian(bytes);

    public static IPAddress ToAddress(UInt128 value, bool ipv4)
    {
        Span<byte> bytes = stackalloc byte[16];
        if (ipv4)
        {
            BinaryPrimitives.WriteUInt32BigEndian(bytes, (uint)value);
            return new IPAddress(bytes[..4]);
        }

        BinaryPrimitives.WriteUInt128BigEndian(bytes, value);
        return new IPAddress(bytes);
    }
}
