using System.Text;
using System.Text.Json.Nodes;

namespace EgressSpecs.Dns.Tests.Rewrite.CoreDnsCases;

/// <summary>One case of coredns-rewrite-cases.json: where it comes from, the rules, and what CoreDNS's test expects.</summary>
internal sealed class CoreDnsCase(JsonObject node)
{
    public string Id => Text("id")!;

    public string File => Text("file")!;

    public string Test => Text("test")!;

    public string Version => Text("version")!;

    public string Kind => Text("kind")!;

    public string Question => Text("question")!;

    public string RevertPolicy => Text("revertPolicy") ?? "default";

    public JsonNode? Backend => node["backend"];

    public JsonObject Expect => node["expect"]!.AsObject();

    /// <summary>The rule text with <c>${NAME}</c> expansions (long patterns are stored as a repeat, not spelled out).</summary>
    public string Rules
    {
        get
        {
            var rules = Text("rules")!;
            if (node["expand"] is JsonObject expansions)
            {
                foreach (var (name, value) in expansions)
                {
                    var repeat = value!["repeat"]!.GetValue<string>();
                    var count = value["count"]!.GetValue<int>();
                    rules = rules.Replace("${" + name + "}", string.Concat(Enumerable.Repeat(repeat, count)), StringComparison.Ordinal);
                }
            }

            return rules;
        }
    }

    /// <summary>The rule file as CoreDNS would read it: UTF-8, or Latin-1 when the Go test writes raw bytes such as <c>\xec</c>.</summary>
    public byte[] RuleBytes => node["latin1"]?.GetValue<bool>() == true
        ? Encoding.Latin1.GetBytes(Rules)
        : Encoding.UTF8.GetBytes(Rules);

    public override string ToString() => Id;

    private string? Text(string name) => node[name]?.GetValue<string>();
}
