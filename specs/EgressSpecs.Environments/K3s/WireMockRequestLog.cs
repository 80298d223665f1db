using System.Globalization;
using System.Text;
using System.Text.Json;

namespace EgressSpecs.Environments.K3s;

/// <summary>
/// Reads WireMock.Net's request log (<c>GET /__admin/requests</c>: an array of LogEntryModel whose
/// <c>Request</c> is a LogRequestModel) into <see cref="ObservedRequest"/>s, oldest first.
/// </summary>
internal static class WireMockRequestLog
{
    public static IReadOnlyList<ObservedRequest> Parse(string json, string? pathPrefix)
    {
        using var document = JsonDocument.Parse(json);
        var requests = new List<(DateTimeOffset At, ObservedRequest Request)>();
        foreach (var entry in document.RootElement.EnumerateArray())
        {
            if (!TryGet(entry, "Request", out var request))
            {
                continue;
            }

            var url = new Uri(String(request, "AbsoluteUrl") ?? String(request, "Url") ?? throw new FormatException("A WireMock log entry has no Url."));
            var headers = Headers(request);
            var body = Body(request);
            var observed = new ObservedRequest(
                String(request, "Method") ?? string.Empty,
                url.PathAndQuery,
                headers.TryGetValue("Host", out var host) && host.Count > 0 ? host[0] : url.Authority,
                headers,
                body.LongLength,
                GeneratedBody.HexSha256(body),
                String(request, "HttpVersion") is { Length: > 0 } version ? $"HTTP/{version}" : "HTTP/1.1");
            var at = String(request, "DateTime") is { } time && DateTimeOffset.TryParse(time, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
                ? parsed
                : DateTimeOffset.MinValue;
            requests.Add((at, observed));
        }

        return
        [
            .. requests
                .OrderBy(item => item.At)
                .Select(item => item.Request)
                .Where(item => pathPrefix is null || item.PathAndQuery.StartsWith(pathPrefix, StringComparison.Ordinal)),
        ];
    }

    private static Dictionary<string, IReadOnlyList<string>> Headers(JsonElement request)
    {
        var headers = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        if (!TryGet(request, "Headers", out var element) || element.ValueKind != JsonValueKind.Object)
        {
            return headers;
        }

        foreach (var header in element.EnumerateObject())
        {
            // WireMockList<string> is written as a string when it holds one value, else as an array.
            headers[header.Name] = header.Value.ValueKind == JsonValueKind.Array
                ? [.. header.Value.EnumerateArray().Select(value => value.GetString() ?? string.Empty)]
                : [header.Value.GetString() ?? string.Empty];
        }

        return headers;
    }

    private static byte[] Body(JsonElement request)
    {
        if (TryGet(request, "BodyAsBytes", out var bytes) && bytes.ValueKind == JsonValueKind.String)
        {
            return bytes.GetBytesFromBase64();
        }

        if (String(request, "Body") is { } text)
        {
            return Encoding.UTF8.GetBytes(text);
        }

        return TryGet(request, "BodyAsJson", out var json) && json.ValueKind is not JsonValueKind.Null
            ? Encoding.UTF8.GetBytes(json.GetRawText())
            : [];
    }

    private static string? String(JsonElement element, string name) =>
        TryGet(element, name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static bool TryGet(JsonElement element, string name, out JsonElement value)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (property.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                value = property.Value;
                return true;
            }
        }

        value = default;
        return false;
    }
}
