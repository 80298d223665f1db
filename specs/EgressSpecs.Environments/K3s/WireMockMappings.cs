using System.Text.Json;
using System.Text.Json.Nodes;

namespace EgressSpecs.Environments.K3s;

/// <summary>
/// The static mappings (WireMock.Net's admin mapping JSON, read at start with <c>--ReadStaticMappings true</c> from
/// <c>__admin/mappings</c>) that make a WireMock.Net container answer as the local target's third parties do:
/// <c>.../redirect/...</c> 302 to <c>https://HOST/landing</c>, anything else 200 with a small JSON body.
/// </summary>
internal static class WireMockMappings
{
    /// <summary>The file in the container's working directory (<c>/app</c> in sheyenrath/wiremock.net).</summary>
    public const string ContainerPath = "/app/__admin/mappings/egress-specs.json";

    public static string For(string host)
    {
        var mappings = new JsonArray
        {
            Mapping(
                "4f1d0c7a-0d5e-4c55-9a51-7f0b6b7d0001",
                priority: 1,
                new JsonObject { ["Name"] = "RegexMatcher", ["Pattern"] = "/redirect(/|$)" },
                new JsonObject
                {
                    ["StatusCode"] = 302,
                    ["Headers"] = new JsonObject { ["Location"] = $"https://{host}/landing" },
                }),
            Mapping(
                "4f1d0c7a-0d5e-4c55-9a51-7f0b6b7d0002",
                priority: 10,
                new JsonObject { ["Name"] = "WildcardMatcher", ["Pattern"] = "*" },
                new JsonObject
                {
                    ["StatusCode"] = 200,
                    ["Headers"] = new JsonObject { ["Content-Type"] = "application/json" },
                    ["Body"] = new JsonObject { ["thirdParty"] = host }.ToJsonString(),
                }),
        };
        return mappings.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    private static JsonObject Mapping(string guid, int priority, JsonObject pathMatcher, JsonObject response) => new()
    {
        ["Guid"] = guid,
        ["Priority"] = priority,
        ["Request"] = new JsonObject { ["Path"] = new JsonObject { ["Matchers"] = new JsonArray { pathMatcher } } },
        ["Response"] = response,
    };
}
