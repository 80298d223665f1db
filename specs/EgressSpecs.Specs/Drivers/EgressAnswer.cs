using System.Net.Http.Headers;
using System.Text.Json;
using EgressSpecs.Environments;

namespace EgressSpecs.Specs.Drivers;

/// <summary>
/// Who answered a call on the egress path: the destination, the egress proxy refusing or failing it, or the mesh.
/// Our proxy's refusals and failures are <c>application/problem+json</c> with a <c>reason</c> (docs/proxy.md); Linkerd's
/// proxy marks the answers it makes itself with an <c>l5d-proxy-error</c> header (linkerd/linkerd2-proxy,
/// linkerd/app/core/src/errors/respond.rs, commit 05eb000d). Anything else came from the destination.
/// </summary>
internal sealed class EgressAnswer
{
    private const string MeshErrorHeader = "l5d-proxy-error";
    private const int BodyExcerpt = 200;

    private EgressAnswer(AppResponse response)
    {
        Response = response;
        ProxyReason = response.Failure is null ? ProblemReason(response) : null;
        MeshError = response.Failure is null ? response.Header(MeshErrorHeader) : null;
    }

    public AppResponse Response { get; }

    /// <summary>The reason of the egress proxy's refusal or failure, or null when the proxy did not answer itself.</summary>
    public string? ProxyReason { get; }

    /// <summary>What the mesh's proxy said when it answered itself, or null.</summary>
    public string? MeshError { get; }

    /// <summary>True when an answer arrived and neither the egress proxy nor the mesh made it.</summary>
    public bool FromDestination => Response.Failure is null && ProxyReason is null && MeshError is null;

    public static EgressAnswer Of(AppResponse response) => new(response);

    /// <summary>What came back, in words: "the egress proxy answered HTTP 403 with the reason not_allowed (...)".</summary>
    public override string ToString()
    {
        if (Response.Failure is { } failure)
        {
            return $"the call failed before any answer: {failure.Kind} ({failure.Message})";
        }

        if (ProxyReason is { } reason)
        {
            return $"the egress proxy answered HTTP {Response.StatusCode} with the reason {reason}{Detail()}";
        }

        return MeshError is { } meshError
            ? $"the mesh's proxy answered HTTP {Response.StatusCode} itself ({MeshErrorHeader}: {meshError})"
            : $"the egress proxy passed the call on and the destination answered HTTP {Response.StatusCode} ({Response.Header("Content-Type") ?? "no Content-Type"}, {Response.Body.Length} bytes){Excerpt()}";
    }

    private string Detail() =>
        TryReadObject(Response.BodyText) is { } problem && problem.TryGetProperty("detail", out var detail) && detail.ValueKind == JsonValueKind.String
            ? $": {detail.GetString()?.TrimEnd('.')}"
            : string.Empty;

    private string Excerpt()
    {
        var text = string.Join(' ', Response.BodyText.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return text.Length == 0 ? string.Empty : $": {(text.Length > BodyExcerpt ? text[..BodyExcerpt] + "..." : text)}";
    }

    private static string? ProblemReason(AppResponse response) =>
        MediaTypeHeaderValue.TryParse(response.Header("Content-Type"), out var type)
        && string.Equals(type.MediaType, "application/problem+json", StringComparison.OrdinalIgnoreCase)
        && TryReadObject(response.BodyText) is { } problem
        && problem.TryGetProperty("reason", out var reason) && reason.ValueKind == JsonValueKind.String
            ? reason.GetString()
            : null;

    private static JsonElement? TryReadObject(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.ValueKind == JsonValueKind.Object ? document.RootElement.Clone() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
