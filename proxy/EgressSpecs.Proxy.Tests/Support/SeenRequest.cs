namespace EgressSpecs.Proxy.Tests.Support;

/// <summary>What the TLS origin observed of one request.</summary>
internal sealed record SeenRequest(
    string Method,
    string Path,
    string Query,
    string Protocol,
    string? ServerName,
    IReadOnlyDictionary<string, string> Headers,
    long BodyLength,
    string BodySha256)
{
    public string Host => Headers.TryGetValue("Host", out var host) ? host : "";
}
