using System.Text;

namespace EgressSpecs.Environments;

/// <summary>What an app got back: an HTTP response, or a <see cref="Failure"/> before any response arrived.</summary>
public sealed record AppResponse
{
    private AppResponse(int? statusCode, IReadOnlyDictionary<string, IReadOnlyList<string>> headers, byte[] body, AppFailure? failure)
    {
        StatusCode = statusCode;
        Headers = headers;
        Body = body;
        BodySha256 = GeneratedBody.HexSha256(body);
        Failure = failure;
    }

    /// <summary>The HTTP status code, or null when the exchange failed.</summary>
    public int? StatusCode { get; }

    /// <summary>Response and content headers, names case-insensitive; empty on failure.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Headers { get; }

    /// <summary>The response body as received (no decompression); empty on failure.</summary>
    public byte[] Body { get; }

    /// <summary>The lowercase hex SHA-256 of <see cref="Body"/>.</summary>
    public string BodySha256 { get; }

    /// <summary>Why no response arrived, or null when one did.</summary>
    public AppFailure? Failure { get; }

    /// <summary>The body decoded as UTF-8.</summary>
    public string BodyText => Encoding.UTF8.GetString(Body);

    /// <summary>The first value of a header, or null.</summary>
    public string? Header(string name) => Headers.TryGetValue(name, out var values) && values.Count > 0 ? values[0] : null;

    /// <summary>A response that arrived.</summary>
    public static AppResponse Received(int statusCode, IEnumerable<KeyValuePair<string, IEnumerable<string>>> headers, byte[] body)
    {
        var byName = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in headers)
        {
            byName[name] = byName.TryGetValue(name, out var earlier) ? [.. earlier, .. values] : [.. values];
        }

        return new AppResponse(statusCode, byName, body, null);
    }

    /// <summary>An exchange that ended before a response arrived.</summary>
    public static AppResponse Failed(AppFailureKind kind, string message) =>
        new(null, new Dictionary<string, IReadOnlyList<string>>(), [], new AppFailure(kind, message));

    /// <inheritdoc />
    public override string ToString() => Failure is { } failure
        ? $"failed: {failure.Kind} ({failure.Message})"
        : $"HTTP {StatusCode}, {Body.Length} bytes";
}
