namespace EgressSpecs.Dns.Resolver;

/// <summary>A response as received, before any resolver filtering.</summary>
/// <param name="ResponseCode">The RCODE.</param>
/// <param name="QuestionName">The question echoed by the server.</param>
/// <param name="Answers">The answer section in order.</param>
public sealed record RawDnsResponse(DnsResponseCode ResponseCode, string QuestionName, IReadOnlyList<DnsAnswerRecord> Answers);
