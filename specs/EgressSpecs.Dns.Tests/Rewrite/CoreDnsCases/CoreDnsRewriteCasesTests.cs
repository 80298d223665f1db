using System.Text.Json.Nodes;
using EgressSpecs.Dns.Rewrite;

namespace EgressSpecs.Dns.Tests.Rewrite.CoreDnsCases;

/// <summary>
/// Runs every case transcribed from CoreDNS's own plugin/rewrite tests (coredns-rewrite-cases.json)
/// against the model. The Go tests' revert policies (test-only knobs) are read off the model's outcome:
/// <c>noRevert</c> shows the rewritten question and the records as the backend wrote them,
/// <c>noRestore</c> the rewritten question with reverted records.
/// </summary>
public sealed class CoreDnsRewriteCasesTests
{
    public static TheoryData<string> CaseIds => new(CoreDnsCaseFile.Cases.Select(@case => @case.Id));

    [Theory]
    [MemberData(nameof(CaseIds))]
    public void Case_ModelBehavesAsTheCoreDnsTestExpects(string id)
    {
        // Given
        var @case = CoreDnsCaseFile.Get(id);

        // When / Then
        switch (@case.Kind)
        {
            case "parse":
                CheckParse(@case);
                break;
            case "unsupported":
                CheckUnsupported(@case);
                break;
            case "query":
                CheckQuery(@case);
                break;
            default:
                Assert.Fail($"{id}: unknown case kind '{@case.Kind}'");
                break;
        }
    }

    [Fact]
    public void CaseFile_EveryCaseNamesItsCoreDnsSource_AndTheCountsAddUp()
    {
        // Given
        var cases = CoreDnsCaseFile.Cases;
        var declared = CoreDnsCaseFile.Root["countsByFile"]!.AsObject();

        // When
        var counted = cases.GroupBy(@case => @case.File).ToDictionary(group => group.Key, group => group.Count());

        // Then
        Assert.All(cases, @case =>
        {
            Assert.False(string.IsNullOrWhiteSpace(@case.Test));
            Assert.Contains(@case.Version, new[] { "v1.13.1", "v1.14.7" });
        });
        Assert.Equal(cases.Count, cases.Select(@case => @case.Id).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(declared.Count, counted.Count);
        Assert.All(declared, entry => Assert.Equal(entry.Value!.GetValue<int>(), counted[entry.Key]));
        Assert.Equal("v1.13.1", CoreDnsCaseFile.Root["heldTo"]!.GetValue<string>());
    }

    private static void CheckParse(CoreDnsCase @case)
    {
        if (@case.Expect["accepted"]!.GetValue<bool>())
        {
            var rules = RewriteRuleSet.Parse(@case.RuleBytes, @case.Id);
            Assert.NotEmpty(rules.Rules);
            return;
        }

        var exception = Assert.Throws<RewriteRuleFormatException>(() => RewriteRuleSet.Parse(@case.RuleBytes, @case.Id));
        if (@case.Expect["errorContains"]?.GetValue<string>() is { } expected)
        {
            Assert.Contains(expected, exception.Message, StringComparison.Ordinal);
        }
    }

    private static void CheckUnsupported(CoreDnsCase @case)
    {
        var type = @case.Expect["unsupportedType"]!.GetValue<string>();
        var exception = Assert.Throws<RewriteRuleFormatException>(() => RewriteRuleSet.Parse(@case.RuleBytes, @case.Id));
        Assert.Contains($"unsupported rule type \"{type}\"", exception.Message, StringComparison.Ordinal);
    }

    private static void CheckQuery(CoreDnsCase @case)
    {
        var rules = RewriteRuleSet.Parse(@case.RuleBytes, @case.Id);
        var outcome = rules.Rewrite(@case.Question);
        var noBackend = @case.Backend is JsonValue value && value.GetValue<string>() == "none";
        var policy = @case.RevertPolicy;

        if (@case.Expect["rcode"]?.GetValue<string>() is { } rcode)
        {
            Assert.Equal(rcode, outcome.IsInvalidName || noBackend ? "SERVFAIL" : "NOERROR");
        }

        if (@case.Expect["responseQuestion"]?.GetValue<string>() is { } question)
        {
            Assert.Equal(question, policy == "default" ? outcome.ResponseQuestionName : outcome.RewrittenName);
        }

        var (answer, extra) = BackendRecords(@case, outcome);
        var revert = policy != "noRevert";
        CheckRecords(@case.Expect["answer"] as JsonArray, answer, outcome, revert, "answer");
        CheckRecords(@case.Expect["extra"] as JsonArray, extra, outcome, revert, "extra");
    }

    private static (List<Record> Answer, List<Record> Extra) BackendRecords(CoreDnsCase @case, NameRewriteOutcome outcome)
    {
        if (@case.Backend is JsonObject records)
        {
            return (Read(records["answer"] as JsonArray), Read(records["extra"] as JsonArray));
        }

        // msgPrinter: an A record owned by the name the next plugin was asked for.
        return (outcome.IsInvalidName ? [] : [new Record(outcome.RewrittenName, "A", "10.0.0.1")], []);

        static List<Record> Read(JsonArray? array) => array is null
            ? []
            : array.Select(node => new Record(
                node!["owner"]!.GetValue<string>(), node["type"]!.GetValue<string>(), node["value"]!.GetValue<string>())).ToList();
    }

    private static void CheckRecords(JsonArray? expected, List<Record> written, NameRewriteOutcome outcome, bool revert, string section)
    {
        if (expected is null)
        {
            return;
        }

        Assert.True(written.Count >= expected.Count, $"{section}: {written.Count} records, expected at least {expected.Count}");
        for (var i = 0; i < expected.Count; i++)
        {
            var record = written[i];
            var seen = revert
                ? new Record(outcome.RevertOwnerName(record.Owner), record.Type, outcome.RevertRecordValue(record.Type, record.Value))
                : record;
            var want = expected[i]!.AsObject();
            if (want["owner"]?.GetValue<string>() is { } owner)
            {
                Assert.Equal(owner, seen.Owner);
            }

            if (want["type"]?.GetValue<string>() is { } type)
            {
                Assert.Equal(type, seen.Type);
            }

            if (want["value"]?.GetValue<string>() is { } recordValue)
            {
                Assert.Equal(recordValue, seen.Value);
            }
        }
    }

    private sealed record Record(string Owner, string Type, string Value);
}
