using System.Buffers.Binary;
using System.Net;

namespace EgressSpecs.Dns.Server;

/// <summary>Writes a response to a <see cref="DnsQuery"/>: header, the question bytes as asked, A records, and an OPT record when the query had one.</summary>
internal sealed class DnsResponseBuilder(DnsQuery query)
{
    private const ushort EdnsPayloadSize = 1232;

    private readonly List<(byte[] Owner, IPAddress Address, int TimeToLive)> _answers = [];

    public DnsResponseCode ResponseCode { get; set; }

    /// <summary>The question section sent back: the query's own bytes unless set (CoreDNS does not always restore it).</summary>
    public byte[]? QuestionBytes { get; set; }

    /// <summary>Adds an A record for an IPv4 address, an AAAA record for an IPv6 one.</summary>
    public void AddAddress(byte[] ownerWireName, IPAddress address, int timeToLiveSeconds) =>
        _answers.Add((ownerWireName, address, timeToLiveSeconds));

    public byte[] Build()
    {
        var message = new List<byte>(512);
        var flags = (ushort)(0x8000 | (query.Flags & 0x7800) | 0x0400 | (query.Flags & 0x0110) | ((int)ResponseCode & 0xF));
        AddUInt16(message, query.Id);
        AddUInt16(message, flags);
        AddUInt16(message, (ushort)(query.IsWellFormed ? 1 : 0));
        AddUInt16(message, (ushort)_answers.Count);
        AddUInt16(message, 0);
        AddUInt16(message, (ushort)(query.HasOpt ? 1 : 0));

        if (query.IsWellFormed)
        {
            message.AddRange(QuestionBytes ?? query.QuestionBytes);
        }

        foreach (var (owner, address, timeToLive) in _answers)
        {
            var bytes = address.GetAddressBytes();
            message.AddRange(owner);
            AddUInt16(message, bytes.Length == 4 ? DnsRecordTypeNames.A : DnsRecordTypeNames.Aaaa);
            AddUInt16(message, 1); // IN
            AddUInt32(message, (uint)timeToLive);
            AddUInt16(message, (ushort)bytes.Length);
            message.AddRange(bytes);
        }

        if (query.HasOpt)
        {
            message.Add(0); // root owner
            AddUInt16(message, 41); // OPT
            AddUInt16(message, EdnsPayloadSize);
            AddUInt32(message, query.DnssecOk ? 0x8000u : 0u);
            AddUInt16(message, 0);
        }

        return [.. message];
    }

    private static void AddUInt16(List<byte> message, ushort value)
    {
        Span<byte> bytes = stackalloc byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(bytes, value);
        message.AddRange(bytes);
    }

    private static void AddUInt32(List<byte> message, uint value)
    {
        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, value);
        message.AddRange(bytes);
    }
}
