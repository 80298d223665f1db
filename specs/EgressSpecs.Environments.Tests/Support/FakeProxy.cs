using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EgressSpecs.Environments.Tests.Support;

/// <summary>
/// Stands in for an external proxy (EGRESS_SPECS_PROXY_URL) so the apps can be tested without ours: it answers
/// every request with what it saw (Host, body length and SHA-256), and serves /metrics and /readyz.
/// </summary>
internal sealed class FakeProxy : IAsyncDisposable
{
    public const string MetricsText = "fake_proxy_requests_total 1\n";

    private readonly WebApplication _app;

    private FakeProxy(WebApplication app) => _app = app;

    public Uri Url => new(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());

    public static async Task<FakeProxy> StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.Sources.Clear();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.MapGet("/metrics", () => Results.Text(MetricsText));
        app.MapGet("/readyz", () => Results.Ok());
        app.MapGet("/slow", async (HttpContext context) =>
        {
            // Never answers: the caller's timeout ends the exchange, and with it this request.
            await Task.Delay(Timeout.InfiniteTimeSpan, context.RequestAborted);
        });
        app.MapFallback(async (HttpContext context) =>
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var buffer = new byte[16 * 1024];
            long length = 0;
            int read;
            while ((read = await context.Request.Body.ReadAsync(buffer, context.RequestAborted)) > 0)
            {
                hash.AppendData(buffer, 0, read);
                length += read;
            }

            return Results.Text($"host={context.Request.Host.Value} length={length} sha256={Convert.ToHexStringLower(hash.GetHashAndReset())}");
        });
        await app.StartAsync(cancellationToken);
        return new FakeProxy(app);
    }

    public async ValueTask DisposeAsync()
    {
        using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        await _app.StopAsync(stopping.Token);
        await _app.DisposeAsync();
    }
}
