namespace EgressSpecs.Dns.Rewrite;

/// <summary>
/// One CoreDNS <c>rewrite [continue|stop] name [TYPE] FROM TO [answer ...]</c> rule, with the
/// semantics of plugin/rewrite name.go (see docs/dns.md for the source lines).
/// </summary>
public sealed class NameRewriteRule
{
    private readonly GoRegex? _pattern;
    private readonly IReadOnlyList<ResponseRule> _staticResponseRules;

    internal NameRewriteRule(
        RewriteMode mode,
        RewriteMatchType matchType,
        string from,
        string to,
        bool answerAuto,
        IReadOnlyList<AnswerRewrite> answerRewrites,
        int lineNumber,
        string text)
    {
        Mode = mode;
        MatchType = matchType;
        From = from;
        To = to;
        AnswerAuto = answerAuto;
        AnswerRewrites = answerRewrites;
        LineNumber = lineNumber;
        Text = text;
        _pattern = matchType == RewriteMatchType.Regex ? GoRegex.Compile(from) : null;
        _staticResponseRules = BuildStaticResponseRules();
    }

    /// <summary>Stop (the default) or continue.</summary>
    public RewriteMode Mode { get; }

    /// <summary>exact (the default), prefix, suffix, substring or regex.</summary>
    public RewriteMatchType MatchType { get; }

    /// <summary>FROM as CoreDNS keeps it: the raw pattern for regex rules, otherwise lowercased and fully qualified.</summary>
    public string From { get; }

    /// <summary>TO as CoreDNS keeps it: lowercased and fully qualified (CoreDNS adds the trailing dot).</summary>
    public string To { get; }

    /// <summary>
    /// True when the answer is mapped back automatically: with <c>answer auto</c>, and always for
    /// exact rules (newExactNameRule passes auto = true).
    /// </summary>
    public bool AnswerAuto { get; }

    /// <summary>The explicit <c>answer name|value FROM TO</c> options, in order.</summary>
    public IReadOnlyList<AnswerRewrite> AnswerRewrites { get; }

    /// <summary>True when answers to a rewritten question get an owner name other than the rewritten one.</summary>
    public bool RevertsAnswerName => AnswerAuto || AnswerRewrites.Any(answer => answer.Field == AnswerField.Name);

    /// <summary>The 1-based line of the source file where the directive starts.</summary>
    public int LineNumber { get; }

    /// <summary>The directive as written (block forms joined on one line).</summary>
    public string Text { get; }

    /// <inheritdoc />
    public override string ToString() => Text;

    /// <summary>
    /// Applies the rule to a question name in request.Name() form (lowercased). Returns false when the
    /// rule does not match; otherwise the new question name and the response rules this match adds.
    /// </summary>
    internal bool TryRewrite(string name, out string rewritten, out IReadOnlyList<ResponseRule> responseRules)
    {
        var result = MatchType switch
        {
            RewriteMatchType.Exact => name == From ? To : null,
            RewriteMatchType.Prefix => name.StartsWith(From, StringComparison.Ordinal) ? To + name[From.Length..] : null,
            RewriteMatchType.Suffix => name.EndsWith(From, StringComparison.Ordinal) ? name[..^From.Length] + To : null,
            RewriteMatchType.Substring => name.Contains(From, StringComparison.Ordinal)
                ? name.Replace(From, To, StringComparison.Ordinal)
                : null,
            RewriteMatchType.Regex => _pattern!.Substitute(name, To),
            _ => null,
        };

        if (result is null)
        {
            rewritten = name;
            responseRules = [];
            return false;
        }

        rewritten = result;
        responseRules = ResponseRulesFor(rewritten, name);
        return true;
    }

    /// <summary>
    /// nameRuleBase.responseRuleFor: in auto mode a remap from the rewritten name back to the name
    /// before this rule, for owner names and record values, followed by the static rules.
    /// Suffix rules do their auto mode statically (reverse suffix), so they never remap here.
    /// </summary>
    private IReadOnlyList<ResponseRule> ResponseRulesFor(string rewritten, string original)
    {
        if (!AnswerAuto || MatchType == RewriteMatchType.Suffix)
        {
            return _staticResponseRules;
        }

        return
        [
            ResponseRule.ForRemap(AnswerField.Name, rewritten, original),
            ResponseRule.ForRemap(AnswerField.Value, rewritten, original),
            .. _staticResponseRules,
        ];
    }

    private List<ResponseRule> BuildStaticResponseRules()
    {
        var rules = new List<ResponseRule>();
        if (AnswerAuto && MatchType == RewriteMatchType.Suffix)
        {
            // newSuffixNameRule: "just by using the original suffix/replacement in the opposite order".
            rules.Add(ResponseRule.ForSuffix(AnswerField.Name, To, From));
            rules.Add(ResponseRule.ForSuffix(AnswerField.Value, To, From));
        }

        rules.AddRange(AnswerRewrites.Select(answer =>
            ResponseRule.ForRegex(answer.Field, GoRegex.Compile(answer.Pattern), answer.Replacement)));
        return rules;
    }
}
