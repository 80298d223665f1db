using System.Text;

namespace EgressSpecs.Dns.Rewrite;

/// <summary>
/// The ordered <c>rewrite name</c> rules of one CoreDNS server block, loaded from a Kubernetes
/// ConfigMap manifest (e.g. infra/coredns-custom.yml) or from a plain Corefile / Corefile snippet.
/// </summary>
public sealed class RewriteRuleSet
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private RewriteRuleSet(string source, IReadOnlyList<NameRewriteRule> rules)
    {
        Source = source;
        Rules = rules;
    }

    /// <summary>No rules: every name reaches the next plugin unchanged.</summary>
    public static RewriteRuleSet Empty { get; } = new("(no rules)", []);

    /// <summary>Where the rules came from.</summary>
    public string Source { get; }

    /// <summary>The rules in file order.</summary>
    public IReadOnlyList<NameRewriteRule> Rules { get; }

    /// <summary>Loads the rules from a file (ConfigMap YAML or Corefile text).</summary>
    /// <exception cref="RewriteRuleFormatException">The file has no rule, or a rule CoreDNS would refuse or that is not modelled.</exception>
    public static RewriteRuleSet Load(string path) => Parse(File.ReadAllBytes(path), path);

    /// <summary>Parses rules from the bytes of a file, which must be UTF-8 (CoreDNS reads bytes; Go's regexp refuses invalid UTF-8).</summary>
    /// <exception cref="RewriteRuleFormatException">The bytes are not UTF-8, or as <see cref="Parse(string, string)"/>.</exception>
    public static RewriteRuleSet Parse(byte[] utf8Text, string source)
    {
        ArgumentNullException.ThrowIfNull(utf8Text);
        try
        {
            return Parse(StrictUtf8.GetString(utf8Text), source);
        }
        catch (DecoderFallbackException exception)
        {
            var offset = Math.Clamp(exception.Index, 0, Math.Max(0, utf8Text.Length - 1));
            var lineNumber = 1 + utf8Text.AsSpan(0, offset).Count((byte)'\n');
            throw new RewriteRuleFormatException(source, lineNumber, "", $"not valid UTF-8 (byte 0x{utf8Text[offset]:X2})", exception);
        }
    }

    /// <summary>Parses rules from text: a ConfigMap manifest when it has <c>kind: ConfigMap</c>, otherwise Corefile text.</summary>
    /// <exception cref="RewriteRuleFormatException">The text has no rule, or a rule CoreDNS would refuse or that is not modelled.</exception>
    public static RewriteRuleSet Parse(string text, string source = "(text)")
    {
        var directives = ConfigMapReader.LooksLikeConfigMap(text)
            ? ConfigMapReader.ReadRewriteDirectives(text, source)
            : CorefileReader.ReadRewriteDirectives(text, 1, source);

        if (directives.Count == 0)
        {
            throw new RewriteRuleFormatException(source, 1, text.Split('\n')[0].Trim(), "no rewrite directive found");
        }

        return new RewriteRuleSet(source, directives.Select(directive => NameRuleFactory.Create(directive, source)).ToList());
    }

    /// <summary>
    /// Runs the rules over a question name as CoreDNS's Rewrite.ServeDNS does: each rule sees the name
    /// as left by the previous one (lowercased), a matching <c>stop</c> rule ends the walk, and every
    /// match adds its response rules.
    /// </summary>
    public NameRewriteOutcome Rewrite(string questionName)
    {
        // A name on the wire is always fully qualified; request.Name() lowercases it.
        var current = DnsNames.Normalize(questionName);
        var matched = new List<NameRewriteRule>();
        var responseRules = new List<ResponseRule>();

        foreach (var rule in Rules)
        {
            if (!rule.TryRewrite(current.ToLowerInvariant(), out var rewritten, out var rules))
            {
                continue;
            }

            if (!DnsNames.IsDomainName(rewritten))
            {
                // ServeDNS puts the original question back and returns SERVFAIL.
                return new NameRewriteOutcome(questionName, rewritten, [.. matched, rule], [], isInvalidName: true, restoresQuestion: true);
            }

            current = rewritten;
            matched.Add(rule);
            responseRules.AddRange(rules);
            if (rule.Mode == RewriteMode.Stop)
            {
                // A matching stop rule always answers through the ResponseReverter.
                return new NameRewriteOutcome(questionName, current, matched, responseRules, isInvalidName: false, restoresQuestion: true);
            }
        }

        // The walk ended without a stop: the ResponseReverter is used only when there is something to revert.
        var nameForNextPlugin = matched.Count == 0 ? questionName : current;
        return new NameRewriteOutcome(
            questionName, nameForNextPlugin, matched, responseRules, isInvalidName: false, restoresQuestion: responseRules.Count > 0);
    }
}
