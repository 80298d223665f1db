namespace EgressSpecs.Proxy.Observability;

/// <summary>
/// Per-request log events. Successes and refusals are Debug (a flood of either must not cost the proxy);
/// upstream failures are Warning because they mean a destination is broken. Never bodies or header values.
/// </summary>
internal static partial class RequestLog
{
    public const string Category = "EgressSpecs.Proxy.Requests";

    [LoggerMessage(EventId = 1, Level = LogLevel.Debug,
        Message = "{Method} forwarded to {Destination} ({Upstream}): {StatusCode} in {DurationMs:0.0} ms")]
    public static partial void Forwarded(ILogger logger, string method, string destination, string upstream, int statusCode, double durationMs);

    [LoggerMessage(EventId = 2, Level = LogLevel.Debug,
        Message = "{Method} refused: {StatusCode} {Reason} in {DurationMs:0.0} ms")]
    public static partial void Refused(ILogger logger, string method, int statusCode, string reason, double durationMs);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning,
        Message = "{Method} to {Destination} ({Upstream}) failed: {StatusCode} {Reason} in {DurationMs:0.0} ms: {Detail}")]
    public static partial void UpstreamFailed(
        ILogger logger, string method, string destination, string upstream, int statusCode, string reason, double durationMs, string detail);

    [LoggerMessage(EventId = 4, Level = LogLevel.Debug,
        Message = "{Method} to {Destination} ({Upstream}) refused: {StatusCode} {Reason} in {DurationMs:0.0} ms: {Detail}")]
    public static partial void UpstreamRefused(
        ILogger logger, string method, string destination, string upstream, int statusCode, string reason, double durationMs, string detail);
}
