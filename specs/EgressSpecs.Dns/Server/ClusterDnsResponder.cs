using ARSoft.Tools.Net;
using ARSoft.Tools.Net.Dns;
using EgressSpecs.Dns.Rewrite;

namespace EgressSpecs.Dns.Server;

/// <summary>
/// Answers one query like CoreDNS with <c>rewrite</c> in front of a backend: the question is
/// rewritten, the backend (the record table) answers for the rewritten name, then the
/// ResponseReverter puts the original question back and applies the rule's response rewrites to
/// the records' owner names. Without <c>answer auto</c>/<c>answer name</c> on a non-exact rule
/// the owner stays the rewritten name, as in CoreDNS.
/// </summary>
internal sealed class ClusterDnsResponder(RewriteRuleSet rules, RecordTable records, int timeToLiveSeconds)
{
    public (DnsMessage Response, SeenDnsQuestion Seen) Answer(DnsMessage query, string transport)
    {
        // CreateResponseInstance copies the questions: the client gets its own question back.
        var response = query.CreateResponseInstance();
        response.IsAuthoritiveAnswer = true;

        if (query.Questions.Count != 1)
        {
            response.ReturnCode = ReturnCode.FormatError;
            return (response, new SeenDnsQuestion("", "", transport, "", DnsResponseCode.FormatError));
        }

        var question = query.Questions[0];
        var asked = question.Name.ToString();
        var outcome = rules.Rewrite(asked);
        var lookedUp = outcome.RewrittenName;

        if (outcome.IsInvalidName)
        {
            response.ReturnCode = ReturnCode.ServerFailure;
        }
        else if (!records.TryFind(lookedUp, out var address))
        {
            response.ReturnCode = ReturnCode.NxDomain;
        }
        else
        {
            response.ReturnCode = ReturnCode.NoError;
            var ipv4 = address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork;
            if (question.RecordType is RecordType.Any || question.RecordType == (ipv4 ? RecordType.A : RecordType.Aaaa))
            {
                // The backend answers with the name it was asked for; the reverter then decides what the client sees.
                var owner = DomainName.Parse(outcome.RevertOwnerName(DnsNames.Normalize(lookedUp)).TrimEnd('.'));
                response.AnswerRecords.Add(ipv4 ? new ARecord(owner, timeToLiveSeconds, address) : new AaaaRecord(owner, timeToLiveSeconds, address));
            }
        }

        var seen = new SeenDnsQuestion(
            asked,
            question.RecordType.ToString().ToUpperInvariant(),
            transport,
            lookedUp,
            (DnsResponseCode)(int)response.ReturnCode);
        return (response, seen);
    }
}
