namespace EgressSpecs.Dns.Rewrite;

/// <summary>
/// Turns the arguments of one <c>rewrite</c> directive into a rule, following CoreDNS's newRule,
/// newNameRule and parseAnswerRules (plugin/rewrite rewrite.go and name.go), including their errors.
/// </summary>
internal static class NameRuleFactory
{
    private static readonly string[] OtherFields = ["type", "class", "edns0", "ttl", "cname", "rcode"];

    public static NameRewriteRule Create(CorefileDirective directive, string source)
    {
        try
        {
            return Create(directive.Arguments, directive.LineNumber, directive.Text);
        }
        catch (ArgumentException exception)
        {
            throw new RewriteRuleFormatException(source, directive.LineNumber, directive.Text, exception.Message, exception);
        }
    }

    private static NameRewriteRule Create(IReadOnlyList<string> args, int lineNumber, string text)
    {
        if (args.Count == 0)
        {
            throw new ArgumentException("no rule type specified for rewrite");
        }

        var mode = RewriteMode.Stop;
        var start = 0;
        var action = args[0].ToLowerInvariant();
        if (action is "continue" or "stop")
        {
            mode = action == "continue" ? RewriteMode.Continue : RewriteMode.Stop;
            start = 1;
            if (args.Count < 2)
            {
                throw new ArgumentException($"{action} rule must begin with a rule type");
            }
        }

        var field = args[start].ToLowerInvariant();
        if (field == "answer")
        {
            throw new ArgumentException("response rewrites must begin with a name rule");
        }

        if (OtherFields.Contains(field))
        {
            throw new ArgumentException(
                $"unsupported rule type \"{field}\": CoreDNS has it, but this model implements name rules only");
        }

        if (field != "name")
        {
            throw new ArgumentException($"invalid rule type \"{args[start]}\"");
        }

        return CreateNameRule(mode, args.Skip(start + 1).ToList(), lineNumber, text);
    }

    private static NameRewriteRule CreateNameRule(RewriteMode mode, List<string> args, int lineNumber, string text)
    {
        if (args.Count < 2)
        {
            throw new ArgumentException("too few arguments for a name rule");
        }

        string matchWord;
        string from;
        string to;
        if (args.Count == 2)
        {
            matchWord = "exact";
            from = DnsNames.Normalize(args[0]);
            to = DnsNames.Normalize(args[1]);
        }
        else
        {
            matchWord = args[0].ToLowerInvariant();
            from = matchWord == "regex" ? args[1] : DnsNames.Normalize(args[1]);
            to = matchWord == "regex" ? args[2] : DnsNames.Normalize(args[2]);
        }

        var matchType = matchWord switch
        {
            "exact" => RewriteMatchType.Exact,
            "prefix" => RewriteMatchType.Prefix,
            "suffix" => RewriteMatchType.Suffix,
            "substring" => RewriteMatchType.Substring,
            "regex" => RewriteMatchType.Regex,
            _ => throw new ArgumentException(
                $"name rule supports only exact, prefix, suffix, substring, and regex name matching, received: {matchWord}"),
        };

        var auto = false;
        IReadOnlyList<AnswerRewrite> answers = [];
        if (args.Count > 3)
        {
            (auto, answers) = ParseAnswerRules(matchWord, args.Skip(3).ToList());
        }

        switch (matchType)
        {
            case RewriteMatchType.Exact:
                // CoreDNS checks isValidRegexPattern(to, from) for exact rules, and always reverts them.
                GoRegex.CompileFor(to, from);
                return new NameRewriteRule(mode, matchType, from, to, answerAuto: true, answers, lineNumber, text);
            case RewriteMatchType.Regex:
                GoRegex.CompileFor(from, to);
                return new NameRewriteRule(mode, matchType, from, DnsNames.Normalize(to), auto, answers, lineNumber, text);
            default:
                return new NameRewriteRule(mode, matchType, from, to, auto, answers, lineNumber, text);
        }
    }

    /// <summary>parseAnswerRules: <c>answer (auto | (name|value FROM TO)) { [answer] (auto | (name|value FROM TO)) }</c>.</summary>
    private static (bool Auto, IReadOnlyList<AnswerRewrite> Answers) ParseAnswerRules(string name, List<string> args)
    {
        if (args.Count < 2)
        {
            throw new ArgumentException($"invalid arguments for {name} rule");
        }

        var auto = false;
        var nameRules = 0;
        var answers = new List<AnswerRewrite>();
        var last = "";
        var arg = 0;
        while (arg < args.Count)
        {
            if (last == "" && args[arg] != "answer")
            {
                throw new ArgumentException($"exceeded the number of arguments for a non-answer rule argument for {name} rule");
            }

            if (args[arg] == "answer")
            {
                arg++;
            }

            if (args.Count - arg == 0)
            {
                throw new ArgumentException($"type missing for answer rule for {name} rule");
            }

            last = args[arg];
            arg++;
            switch (last)
            {
                case "auto":
                    auto = true;
                    continue;
                case "name":
                case "value":
                    if (args.Count - arg < 2)
                    {
                        throw new ArgumentException($"{last} answer rule for {name} rule: 2 arguments required");
                    }

                    try
                    {
                        GoRegex.CompileFor(args[arg], args[arg + 1]);
                    }
                    catch (ArgumentException exception)
                    {
                        throw new ArgumentException($"{last} answer rule for {name} rule: {exception.Message}", exception);
                    }

                    var field = last == "name" ? AnswerField.Name : AnswerField.Value;
                    answers.Add(new AnswerRewrite(field, args[arg], DnsNames.Normalize(args[arg + 1])));
                    nameRules += field == AnswerField.Name ? 1 : 0;
                    arg += 2;
                    break;
                default:
                    throw new ArgumentException($"invalid type \"{last}\" for answer rule for {name} rule");
            }
        }

        if (auto && nameRules > 0)
        {
            throw new ArgumentException("auto name answer rule cannot be combined with explicit name answer rules");
        }

        return (auto, answers);
    }
}
