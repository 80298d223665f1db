using System.Text.Json;

namespace EgressSpecs.ThirdParties;

/// <summary>
/// How the <see cref="ThirdPartyRole.Faulty"/> third party misbehaves, chosen by the path's end (anywhere after a
/// scenario's own prefix): <c>/reset</c> sends the headers then aborts the connection, <c>/stall</c> never answers,
/// <c>/trickle</c> sends <see cref="TrickleBytes"/> of <see cref="GeneratedBody"/> in small pieces over about
/// <see cref="TrickleDuration"/>; anything else is 200 with a small JSON body.
/// </summary>
internal static class FaultyAnswers
{
    /// <summary>The length of the <c>/trickle</c> body.</summary>
    public const int TrickleBytes = 32 * 1024;

    /// <summary>How long <c>/trickle</c> takes: longer than a shutdown's readiness delay, shorter than any activity timeout between pieces.</summary>
    public static readonly TimeSpan TrickleDuration = TimeSpan.FromSeconds(4);

    private const int TricklePieces = 32;

    public static async Task AnswerAsync(HttpContext context, string host)
    {
        var path = context.Request.Path.Value ?? "/";
        await context.Request.Body.CopyToAsync(Stream.Null, context.RequestAborted);
        if (path.EndsWith("/reset", StringComparison.Ordinal))
        {
            // Promise a body, send part of it, then break the connection: the upstream fails mid-response.
            context.Response.ContentLength = 1024;
            await context.Response.Body.WriteAsync(new byte[16], context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
            context.Abort();
        }
        else if (path.EndsWith("/stall", StringComparison.Ordinal))
        {
            // Never answers: only the proxy giving up (or the client leaving) ends this.
            await Task.Delay(Timeout.InfiniteTimeSpan, context.RequestAborted);
        }
        else if (path.EndsWith("/trickle", StringComparison.Ordinal))
        {
            await TrickleAsync(context);
        }
        else
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(JsonSerializer.Serialize(new { thirdParty = host }), context.RequestAborted);
        }
    }

    private static async Task TrickleAsync(HttpContext context)
    {
        context.Response.ContentLength = TrickleBytes;
        context.Response.ContentType = "application/octet-stream";
        context.Response.Headers["X-Trickle-Sha256"] = GeneratedBody.Sha256(TrickleBytes);
        await using var body = GeneratedBody.Open(TrickleBytes);
        var piece = new byte[TrickleBytes / TricklePieces];
        var pause = TrickleDuration / TricklePieces;
        for (var sent = 0; sent < TrickleBytes; sent += piece.Length)
        {
            await body.ReadExactlyAsync(piece, context.RequestAborted);
            await context.Response.Body.WriteAsync(piece, context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
            await Task.Delay(pause, context.RequestAborted);
        }

    }
}
