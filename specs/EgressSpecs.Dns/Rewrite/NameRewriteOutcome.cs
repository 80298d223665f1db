namespace EgressSpecs.Dns.Rewrite;

/// <summary>
/// What the rewrite plugin did to one question: the name handed to the next plugin, the question the
/// client gets back, and the response rules that the ResponseReverter applies to the records of the answer.
/// </summary>
public sealed class NameRewriteOutcome
{
    // reverter.go getRecordValueForRewrite: the record types whose value (a name) `answer value` and `answer auto` rewrite.
    private static readonly HashSet<string> TypesWithNameValue = new(StringComparer.OrdinalIgnoreCase)
    {
        "SRV", "MX", "CNAME", "NS", "DNAME", "NAPTR", "SOA", "PTR",
    };

    private readonly IReadOnlyList<ResponseRule> _responseRules;

    internal NameRewriteOutcome(
        string originalName,
        string rewrittenName,
        IReadOnlyList<NameRewriteRule> matchedRules,
        IReadOnlyList<ResponseRule> responseRules,
        bool isInvalidName,
        bool restoresQuestion)
    {
        OriginalName = originalName;
        RewrittenName = rewrittenName;
        MatchedRules = matchedRules;
        _responseRules = responseRules;
        IsInvalidName = isInvalidName;
        RestoresQuestion = restoresQuestion;
    }

    /// <summary>The question name as asked.</summary>
    public string OriginalName { get; }

    /// <summary>The name the next plugin (kubernetes, hosts, forward) is asked for; the original when no rule matched.</summary>
    public string RewrittenName { get; }

    /// <summary>True when at least one rule matched.</summary>
    public bool IsRewritten => MatchedRules.Count > 0;

    /// <summary>The rules that matched, in order.</summary>
    public IReadOnlyList<NameRewriteRule> MatchedRules { get; }

    /// <summary>True when the rewritten name is not a valid domain name: CoreDNS answers SERVFAIL.</summary>
    public bool IsInvalidName { get; }

    /// <summary>
    /// True when the ResponseReverter answers, so the client gets its own question back. rewrite.go
    /// ServeDNS uses it after a matching <c>stop</c> rule, or when the walk ends with response rules to
    /// apply; when only <c>continue</c> rules without response rules matched, the next plugin writes
    /// straight to the client and the question section holds the rewritten name.
    /// </summary>
    public bool RestoresQuestion { get; }

    /// <summary>The question name in the response the client receives.</summary>
    public string ResponseQuestionName => RestoresQuestion || !IsRewritten ? OriginalName : RewrittenName;

    /// <summary>The owner name a client sees for a record the next plugin returned with <paramref name="ownerName"/>.</summary>
    public string RevertOwnerName(string ownerName) => Apply(AnswerField.Name, ownerName);

    /// <summary>The value (CNAME/SRV/MX/PTR target) a client sees for a record whose value was <paramref name="value"/>.</summary>
    public string RevertRecordValue(string value) => Apply(AnswerField.Value, value);

    /// <summary>
    /// The value a client sees for a record of <paramref name="recordType"/>: only types whose value is a
    /// name (SRV, MX, CNAME, NS, DNAME, NAPTR replacement, SOA primary name server, PTR) are rewritten.
    /// </summary>
    public string RevertRecordValue(string recordType, string value) =>
        TypesWithNameValue.Contains(recordType) ? RevertRecordValue(value) : value;

    // reverter.go rewriteResourceRecord: "The reverting rules need to be done in reversed order":
    // the last matching rule's response rules first, so a continue chain unwinds back to the question.
    private string Apply(AnswerField field, string text)
    {
        var result = text;
        for (var i = _responseRules.Count - 1; i >= 0; i--)
        {
            if (_responseRules[i].Field == field)
            {
                result = _responseRules[i].Apply(result);
            }
        }

        return result;
    }
}
