namespace EgressSpecs.Dns.Rewrite;

/// <summary>
/// One response rewrite, as CoreDNS's nameRewriterResponseRule / valueRewriterResponseRule over a
/// regexStringRewriter, remapStringRewriter or suffixStringRewriter (plugin/rewrite name.go).
/// </summary>
internal sealed class ResponseRule
{
    private readonly Func<string, string> _rewrite;

    private ResponseRule(AnswerField field, Func<string, string> rewrite)
    {
        Field = field;
        _rewrite = rewrite;
    }

    public AnswerField Field { get; }

    public string Apply(string text) => _rewrite(text);

    /// <summary>regexStringRewriter: a non-matching string is left as it is.</summary>
    public static ResponseRule ForRegex(AnswerField field, GoRegex pattern, string replacement) =>
        new(field, source => pattern.Substitute(source, replacement) ?? source);

    /// <summary>
    /// remapStringRewriter (answer auto, and always for exact rules): the rewritten name, or a
    /// subdomain of it, is mapped back to the name before the rewrite.
    /// </summary>
    public static ResponseRule ForRemap(AnswerField field, string rewritten, string original) =>
        new(field, source =>
        {
            if (source == rewritten)
            {
                return original;
            }

            return source.EndsWith("." + rewritten, StringComparison.Ordinal)
                ? source[..^rewritten.Length] + original
                : source;
        });

    /// <summary>suffixStringRewriter (answer auto on a suffix rule): TO's suffix back to FROM's.</summary>
    public static ResponseRule ForSuffix(AnswerField field, string suffix, string replacement) =>
        new(field, source => source.EndsWith(suffix, StringComparison.Ordinal)
            ? source[..^suffix.Length] + replacement
            : source);
}
