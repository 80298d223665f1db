namespace EgressSpecs.Dns.Server;

/// <summary>Mnemonics of the record types a test may ask for (RFC 1035, 3596, 2782, 3403, 6672, 9460); others as RFC 3597's TYPEn.</summary>
internal static class DnsRecordTypeNames
{
    public const ushort A = 1;
    public const ushort Aaaa = 28;
    public const ushort Any = 255;

    private static readonly Dictionary<ushort, string> Names = new()
    {
        [1] = "A",
        [2] = "NS",
        [5] = "CNAME",
        [6] = "SOA",
        [12] = "PTR",
        [15] = "MX",
        [16] = "TXT",
        [28] = "AAAA",
        [33] = "SRV",
        [35] = "NAPTR",
        [39] = "DNAME",
        [64] = "SVCB",
        [65] = "HTTPS",
        [255] = "ANY",
    };

    public static string NameOf(ushort type) => Names.TryGetValue(type, out var name) ? name : $"TYPE{type}";
}
