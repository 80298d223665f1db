using EgressSpecs.Dns.Rewrite;

namespace EgressSpecs.Dns.Server;

/// <summary>
/// Answers one query like CoreDNS with <c>rewrite</c> in front of a backend: the question (in
/// presentation form, every byte kept) is rewritten, the backend (the record table) answers for the
/// rewritten name, then the ResponseReverter's work is done: the response carries the question bytes
/// exactly as asked and the rules' response rewrites are applied to the records' owner names. Without
/// <c>answer auto</c>/<c>answer name</c> on a non-exact rule the owner stays the rewritten name, as in CoreDNS.
/// </summary>
internal sealed class ClusterDnsResponder(RewriteRuleSet rules, RecordTable records, int timeToLiveSeconds)
{
    public (byte[] Response, SeenDnsQuestion Seen) Answer(DnsQuery query, string transport)
    {
        var response = new DnsResponseBuilder(query);
        if (!query.IsWellFormed)
        {
            response.ResponseCode = DnsResponseCode.FormatError;
            return (response.Build(), new SeenDnsQuestion("", "", transport, "", DnsResponseCode.FormatError));
        }

        var asked = query.QuestionName;
        var outcome = rules.Rewrite(asked);
        var lookedUp = outcome.RewrittenName;
        if (outcome.ResponseQuestionName != asked && DnsWireName.ToWire(outcome.ResponseQuestionName) is { } rewrittenQuestion)
        {
            // Only continue rules without response rules matched: the next plugin answers with the rewritten question.
            response.QuestionBytes = [.. rewrittenQuestion, .. query.QuestionBytes[^4..]];
        }

        if (query.OperationCode != 0)
        {
            response.ResponseCode = DnsResponseCode.NotImplemented;
        }
        else if (outcome.IsInvalidName)
        {
            response.ResponseCode = DnsResponseCode.ServerFailure;
        }
        else if (!records.TryFind(lookedUp, out var address))
        {
            response.ResponseCode = DnsResponseCode.NxDomain;
        }
        else
        {
            response.ResponseCode = DnsResponseCode.NoError;
            var type = address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? DnsRecordTypeNames.A : DnsRecordTypeNames.Aaaa;
            if (query.QuestionType == type || query.QuestionType == DnsRecordTypeNames.Any)
            {
                // The backend answers with the name it was asked for; the reverter then decides what the client sees.
                var owner = outcome.RevertOwnerName(DnsNames.Normalize(lookedUp));
                var ownerWire = DnsWireName.ToWire(owner);
                if (ownerWire is null)
                {
                    response.ResponseCode = DnsResponseCode.ServerFailure;
                }
                else
                {
                    response.AddAddress(ownerWire, address, timeToLiveSeconds);
                }
            }
        }

        var seen = new SeenDnsQuestion(asked, DnsRecordTypeNames.NameOf(query.QuestionType), transport, lookedUp, response.ResponseCode);
        return (response.Build(), seen);
    }
}
