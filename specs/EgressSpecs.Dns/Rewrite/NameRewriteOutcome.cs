namespace EgressSpecs.Dns.Rewrite;

/// <summary>
/// What the rewrite plugin did to one question: the name handed to the next plugin and the response
/// rules that the ResponseReverter will apply to the records of the answer.
/// </summary>
public sealed class NameRewriteOutcome
{
    private readonly IReadOnlyList<ResponseRule> _responseRules;

    internal NameRewriteOutcome(
        string originalName,
        string rewrittenName,
        IReadOnlyList<NameRewriteRule> matchedRules,
        IReadOnlyList<ResponseRule> responseRules,
        bool isInvalidName)
    {
        OriginalName = originalName;
        RewrittenName = rewrittenName;
        MatchedRules = matchedRules;
        _responseRules = responseRules;
        IsInvalidName = isInvalidName;
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

    /// <summary>The owner name a client sees for a record the next plugin returned with <paramref name="ownerName"/>.</summary>
    public string RevertOwnerName(string ownerName) => Apply(AnswerField.Name, ownerName);

    /// <summary>The value (CNAME/SRV/MX/PTR target) a client sees for a record whose value was <paramref name="value"/>.</summary>
    public string RevertRecordValue(string value) => Apply(AnswerField.Value, value);

    private string Apply(AnswerField field, string text) =>
        _responseRules.Where(rule => rule.Field == field).Aggregate(text, (current, rule) => rule.Apply(current));
}
