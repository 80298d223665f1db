using System.Net;
using EgressSpecs.Proxy.Observability;
using EgressSpecs.Proxy.Upstream;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EgressSpecs.Proxy.Tests.Support;

/// <summary>The real proxy (WebApplication + Kestrel) on 127.0.0.1 random ports, started in-process.</summary>
internal sealed class ProxyHost : IAsyncDisposable
{
    private ProxyHost(WebApplication app, CapturedLogs logs)
    {
        App = app;
        Logs = logs;
        var endpoints = app.Services.GetRequiredService<KestrelEndpoints>();
        ProxyPort = endpoints.Proxy!.IPEndPoint!.Port;
        AdminPort = endpoints.Admin!.IPEndPoint!.Port;
        Client = new HttpClient(new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false })
        {
            Timeout = TimeSpan.FromSeconds(30),
        };
    }

    public WebApplication App { get; }

    public CapturedLogs Logs { get; }

    public int ProxyPort { get; }

    public int AdminPort { get; }

    public HttpClient Client { get; }

    public static Dictionary<string, string?> BaseSettings() => new()
    {
        ["Kestrel:Endpoints:Proxy:Url"] = "http://127.0.0.1:0",
        ["Kestrel:Endpoints:Admin:Url"] = "http://127.0.0.1:0",
        ["Egress:Shutdown:ReadinessDelay"] = "00:00:00",
        ["Egress:Shutdown:DrainTimeout"] = "00:00:05",
    };

    public static async Task<ProxyHost> StartAsync(IDictionary<string, string?> settings, Action<IServiceCollection>? overrides = null)
    {
        var app = Build(settings, overrides, out var logs);
        await app.StartAsync();
        return new ProxyHost(app, logs);
    }

    public static WebApplication Build(IDictionary<string, string?> settings, Action<IServiceCollection>? overrides, out CapturedLogs logs)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = "Testing",
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.AddInMemoryCollection(settings);
        logs = new CapturedLogs();
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(logs);
        builder.AddEgressProxy();
        overrides?.Invoke(builder.Services);
        var app = builder.Build();
        app.MapEgressProxy();
        return app;
    }

    /// <summary>Sends <paramref name="method"/> <paramref name="pathAndQuery"/> to the proxy port with the given Host header.</summary>
    public Task<HttpResponseMessage> SendAsync(string host, string pathAndQuery = "/", HttpMethod? method = null, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method ?? HttpMethod.Get, $"http://127.0.0.1:{ProxyPort}{pathAndQuery}") { Content = content };
        request.Headers.Host = host;
        return Client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    public Task<HttpResponseMessage> AdminGetAsync(string path) =>
        Client.GetAsync($"http://127.0.0.1:{AdminPort}{path}", TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}

/// <summary>Replaces DNS with a fixed table, so tests never query a real resolver.</summary>
internal sealed class FakeResolver(IReadOnlyDictionary<string, IPAddress[]> answers) : IHostResolver
{
    public Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken) =>
        answers.TryGetValue(host, out var addresses)
            ? Task.FromResult(addresses)
            : Task.FromException<IPAddress[]>(new System.Net.Sockets.SocketException((int)System.Net.Sockets.SocketError.HostNotFound));

    public static Action<IServiceCollection> Use(IReadOnlyDictionary<string, IPAddress[]> answers) =>
        services => services.Replace(ServiceDescriptor.Singleton<IHostResolver>(new FakeResolver(answers)));
}
