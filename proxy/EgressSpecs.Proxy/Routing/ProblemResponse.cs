using System.Text.Encodings.Web;
using System.Text.Json;

namespace EgressSpecs.Proxy.Routing;

/// <summary>Writes a refusal as RFC 9457 <c>application/problem+json</c> with the stable <c>reason</c> member.</summary>
internal static class ProblemResponse
{
    public const string ContentType = "application/problem+json";

    // Served only as JSON, never embedded in HTML: quotes in details need no \u0027 escaping.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static async Task WriteAsync(HttpContext context, EgressReason reason, string detail)
    {
        var response = context.Response;
        response.Clear();
        response.StatusCode = reason.StatusCode();
        response.ContentType = ContentType;
        if (reason == EgressReason.MethodNotAllowed)
        {
            response.Headers.Allow = "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS, TRACE";
        }

        await using (var json = new Utf8JsonWriter(response.BodyWriter, WriterOptions))
        {
            json.WriteStartObject();
            json.WriteString("type", "about:blank");
            json.WriteString("title", reason.Title());
            json.WriteNumber("status", response.StatusCode);
            json.WriteString("detail", detail);
            json.WriteString("reason", reason.Code());
            json.WriteEndObject();
        }

        await response.BodyWriter.FlushAsync(context.RequestAborted);
    }
}
