using System.Text.Json.Nodes;

namespace EgressSpecs.Dns.Tests.Rewrite.CoreDnsCases;

/// <summary>The transcribed CoreDNS plugin/rewrite cases, read from the JSON file copied next to the tests.</summary>
internal static class CoreDnsCaseFile
{
    private static readonly Lazy<JsonObject> Document = new(() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Rewrite", "CoreDnsCases", "coredns-rewrite-cases.json")))!.AsObject());

    private static readonly Lazy<IReadOnlyDictionary<string, CoreDnsCase>> ById = new(() =>
        Cases.ToDictionary(@case => @case.Id, StringComparer.Ordinal));

    public static JsonObject Root => Document.Value;

    public static IReadOnlyList<CoreDnsCase> Cases =>
        Document.Value["cases"]!.AsArray().Select(node => new CoreDnsCase(node!.AsObject())).ToList();

    public static CoreDnsCase Get(string id) => ById.Value[id];
}
