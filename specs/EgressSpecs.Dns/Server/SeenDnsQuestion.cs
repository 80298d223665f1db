namespace EgressSpecs.Dns.Server;

/// <summary>A question the server answered, for specs that assert what clients asked.</summary>
/// <param name="Name">The question name as received.</param>
/// <param name="RecordType">The question type, e.g. <c>A</c>, <c>AAAA</c>.</param>
/// <param name="Transport"><c>udp</c> or <c>tcp</c>.</param>
/// <param name="NameAfterRewrite">The name looked up after the rewrite rules (the question name when none matched).</param>
/// <param name="ResponseCode">The RCODE sent back.</param>
public sealed record SeenDnsQuestion(
    string Name,
    string RecordType,
    string Transport,
    string NameAfterRewrite,
    DnsResponseCode ResponseCode);
