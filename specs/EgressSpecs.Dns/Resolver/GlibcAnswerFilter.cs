using System.Net;
using EgressSpecs.Dns.Rewrite;

namespace EgressSpecs.Dns.Resolver;

/// <summary>
/// glibc's rule for which address records of an answer are usable (resolv/nss_dns/dns-host.c,
/// gaih_getanswer_slice since 2.36): the expected name starts as the question, each CNAME moves it
/// to the CNAME's target without checking the CNAME's owner, and an A record counts only when its
/// owner is the expected name (__ns_samebinaryname: ASCII case-insensitive).
/// </summary>
internal static class GlibcAnswerFilter
{
    public static List<IPAddress> UsableAddresses(string question, IEnumerable<DnsAnswerRecord> answers)
    {
        var expectedName = DnsNames.Normalize(question);
        var addresses = new List<IPAddress>();
        foreach (var record in answers)
        {
            if (record.Type == "CNAME")
            {
                expectedName = DnsNames.Normalize(record.Data);
            }
            else if (record.Type == "A" && DnsNames.AreSame(record.OwnerName, expectedName))
            {
                addresses.Add(IPAddress.Parse(record.Data));
            }
        }

        return addresses;
    }
}
