using System.Buffers.Binary;

namespace EgressSpecs.Dns.Server;

/// <summary>
/// A query as it arrived (RFC 1035 section 4.1): the header fields the response copies, the question
/// section exactly as its bytes were sent, and whether it carried an EDNS OPT record.
/// </summary>
internal sealed class DnsQuery
{
    private const int HeaderLength = 12;
    private const ushort OptType = 41;

    private DnsQuery(ushort id, ushort flags)
    {
        Id = id;
        Flags = flags;
    }

    public ushort Id { get; }

    /// <summary>The header flags word: opcode, RD and CD are copied into the response.</summary>
    public ushort Flags { get; }

    public int OperationCode => (Flags >> 11) & 0xF;

    /// <summary>False when the message is not one well-formed question: the answer is FORMERR.</summary>
    public bool IsWellFormed { get; private set; }

    /// <summary>The question section's bytes (name, type, class) as sent: echoed verbatim.</summary>
    public byte[] QuestionBytes { get; private set; } = [];

    /// <summary>The question name in presentation form (see <see cref="DnsWireName"/>).</summary>
    public string QuestionName { get; private set; } = "";

    public ushort QuestionType { get; private set; }

    public bool HasOpt { get; private set; }

    /// <summary>The DO bit of the query's OPT record, echoed as CoreDNS's SizeAndDo does.</summary>
    public bool DnssecOk { get; private set; }

    /// <summary>Reads a message; null when it is too short to answer at all (no header).</summary>
    public static DnsQuery? Read(ReadOnlySpan<byte> message)
    {
        if (message.Length < HeaderLength)
        {
            return null;
        }

        var query = new DnsQuery(BinaryPrimitives.ReadUInt16BigEndian(message), BinaryPrimitives.ReadUInt16BigEndian(message[2..]));
        var questionCount = BinaryPrimitives.ReadUInt16BigEndian(message[4..]);
        var answerCount = BinaryPrimitives.ReadUInt16BigEndian(message[6..]);
        var authorityCount = BinaryPrimitives.ReadUInt16BigEndian(message[8..]);
        var additionalCount = BinaryPrimitives.ReadUInt16BigEndian(message[10..]);
        if (questionCount != 1 || (query.Flags & 0x8000) != 0)
        {
            return query;
        }

        var offset = HeaderLength;
        var labels = new List<byte[]>();
        while (true)
        {
            if (offset >= message.Length)
            {
                return query;
            }

            var length = message[offset++];
            if (length == 0)
            {
                break;
            }

            // A question never needs compression; a pointer or a reserved label type is refused.
            if (length > 63 || offset + length > message.Length)
            {
                return query;
            }

            labels.Add(message.Slice(offset, length).ToArray());
            offset += length;
        }

        if (offset + 4 > message.Length)
        {
            return query;
        }

        query.QuestionType = BinaryPrimitives.ReadUInt16BigEndian(message[offset..]);
        query.QuestionBytes = message[HeaderLength..(offset + 4)].ToArray();
        query.QuestionName = DnsWireName.ToPresentation(labels);
        offset += 4;

        for (var record = 0; record < answerCount + authorityCount + additionalCount; record++)
        {
            if (!SkipName(message, ref offset) || offset + 10 > message.Length)
            {
                return query;
            }

            var type = BinaryPrimitives.ReadUInt16BigEndian(message[offset..]);
            var ttl = BinaryPrimitives.ReadUInt32BigEndian(message[(offset + 4)..]);
            var dataLength = BinaryPrimitives.ReadUInt16BigEndian(message[(offset + 8)..]);
            offset += 10 + dataLength;
            if (offset > message.Length)
            {
                return query;
            }

            if (type == OptType && record >= answerCount + authorityCount)
            {
                query.HasOpt = true;
                query.DnssecOk = (ttl & 0x8000) != 0;
            }
        }

        query.IsWellFormed = true;
        return query;
    }

    private static bool SkipName(ReadOnlySpan<byte> message, ref int offset)
    {
        while (offset < message.Length)
        {
            var length = message[offset];
            if (length == 0)
            {
                offset++;
                return true;
            }

            if ((length & 0xC0) == 0xC0)
            {
                offset += 2;
                return offset <= message.Length;
            }

            offset += 1 + length;
        }

        return false;
    }
}
