namespace EgressSpecs.Dns.Resolver;

/// <summary>One record of the answer section, as it came over the wire.</summary>
/// <param name="OwnerName">The owner name, fully qualified, e.g. <c>proxy.egress.svc.cluster.local.</c>.</param>
/// <param name="Type">The record type, e.g. <c>A</c>, <c>CNAME</c>.</param>
/// <param name="Data">The record data: the address for A/AAAA, the target for CNAME, otherwise its text form.</param>
/// <param name="TimeToLive">The TTL in seconds.</param>
public sealed record DnsAnswerRecord(string OwnerName, string Type, string Data, int TimeToLive);
