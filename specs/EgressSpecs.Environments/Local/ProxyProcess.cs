using System.Text.RegularExpressions;
using EgressSpecs.Environments.Support;

namespace EgressSpecs.Environments.Local;

/// <summary>
/// Our real proxy, run as its own process from its built output and configured only through its documented
/// settings (environment variables). Its endpoints come from the lines it logs at startup.
/// </summary>
internal sealed partial class ProxyProcess : IAsyncDisposable
{
    private readonly DotnetProcess _process;

    private ProxyProcess(DotnetProcess process, ProxyEndpoints endpoints)
    {
        _process = process;
        Endpoints = endpoints;
    }

    public ProxyEndpoints Endpoints { get; }

    /// <summary>Everything the proxy wrote (the last lines), for failure messages.</summary>
    public string Output => _process.Output;

    public static async Task<ProxyProcess> StartAsync(
        string dllPath, IReadOnlyDictionary<string, string> settings, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var traffic = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var admin = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);

        // Only the settings given here shape the proxy: nothing inherited from whoever runs the tests.
        var environment = Environment.GetEnvironmentVariables().Keys.Cast<string>().Where(IsProxySetting)
            .ToDictionary(name => name, _ => (string?)null);
        foreach (var (name, value) in settings)
        {
            environment[name] = value;
        }

        var process = DotnetProcess.Start(dllPath, [], environment, line =>
        {
            if (TryParseListeningLine(line, out var endpoint, out var url))
            {
                (endpoint == "Proxy" ? traffic : admin).TrySetResult(url);
            }
        });
        try
        {
            await process.WaitUntilReadyAsync(
                Task.WhenAll(traffic.Task, admin.Task),
                "'Endpoint Proxy listening on ...' and 'Endpoint Admin listening on ...'", timeout, cancellationToken);
            return new ProxyProcess(process, new ProxyEndpoints(ProxyEndpoints.EndPointOf(await traffic.Task), await admin.Task));
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }
    }

    /// <summary>Sends SIGTERM, as Kubernetes stops a pod, without waiting.</summary>
    public void Terminate() => _process.Terminate();

    /// <summary>Waits for the process to exit; its exit code.</summary>
    public Task<int> WaitForExitAsync(CancellationToken cancellationToken) => _process.WaitForExitAsync(cancellationToken);

    /// <summary>SIGTERM, as Kubernetes stops a pod: the proxy drains and exits 0.</summary>
    public ValueTask DisposeAsync() => _process.DisposeAsync();

    /// <summary>Recognises <c>Endpoint Proxy listening on http://127.0.0.1:NNNN</c> (or Admin) anywhere in a log line.</summary>
    internal static bool TryParseListeningLine(string line, out string endpoint, out Uri url)
    {
        var match = ListeningLine().Match(line);
        endpoint = match.Groups["name"].Value;
        url = null!;
        return match.Success && Uri.TryCreate(match.Groups["url"].Value.TrimEnd('.'), UriKind.Absolute, out url!);
    }

    private static bool IsProxySetting(string name) =>
        name.StartsWith("Egress__", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("Kestrel__", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("ASPNETCORE_URLS", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("ASPNETCORE_HTTP", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("HTTP_PORTS", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("HTTPS_PORTS", StringComparison.OrdinalIgnoreCase)
        || name.Equals("EGRESS_CONFIG_FILE", StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"Endpoint (?<name>Proxy|Admin) listening on (?<url>https?://[^\s""',;]+)")]
    private static partial Regex ListeningLine();
}
