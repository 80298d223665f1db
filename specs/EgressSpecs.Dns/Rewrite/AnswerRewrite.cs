namespace EgressSpecs.Dns.Rewrite;

/// <summary>An explicit <c>answer name|value FROM TO</c> option: a regex applied to the response records.</summary>
/// <param name="Field">The part of each record that is rewritten.</param>
/// <param name="Pattern">The Go RE2 pattern, as written in the rule.</param>
/// <param name="Replacement">The replacement, lowercased and fully qualified as CoreDNS stores it.</param>
public sealed record AnswerRewrite(AnswerField Field, string Pattern, string Replacement);
