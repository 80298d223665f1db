using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using EgressSpecs.Proxy.Tests.Support;

namespace EgressSpecs.Proxy.Tests.Functional;

/// <summary>
/// ASP.NET Core starts a trace Activity for every request when its hosting diagnostics log, a diagnostic listener or an
/// ActivitySource listener is on. The proxy keeps the log off, so a request pays for tracing only when a tracer listens.
/// One class, so its tests never overlap: an ActivityListener is process-wide.
/// </summary>
public sealed class RequestTracingTests
{
    private const string HostingSource = "Microsoft.AspNetCore";

    [Fact]
    public async Task Request_WithNoTracerListening_RunsWithoutActivity()
    {
        // Given
        var seen = new ConcurrentQueue<string>();
        await using var proxy = await StartRecordingAsync(seen);

        // When
        using var response = await proxy.SendAsync(OriginWorld.Via("not-allowlisted.example.test"));

        // Then
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(["none"], seen);
    }

    [Fact]
    public async Task Request_WithTracerListening_RunsInsideHostingActivity()
    {
        // Given a tracer (what OpenTelemetry's ASP.NET Core instrumentation registers)
        using var tracer = new ActivityListener
        {
            ShouldListenTo = source => source.Name == HostingSource,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(tracer);
        var seen = new ConcurrentQueue<string>();
        await using var proxy = await StartRecordingAsync(seen);

        // When
        using var response = await proxy.SendAsync(OriginWorld.Via("not-allowlisted.example.test"));

        // Then
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(["Microsoft.AspNetCore.Hosting.HttpRequestIn"], seen);
    }

    private static Task<ProxyHost> StartRecordingAsync(ConcurrentQueue<string> seen)
    {
        var settings = ProxyHost.BaseSettings();
        settings["Egress:Destinations:0:Host"] = OriginWorld.Api;
        return ProxyHost.StartAsync(settings, services => services.AddSingleton<IStartupFilter>(new RecordActivity(seen)));
    }

    /// <summary>Runs first in the proxy's pipeline and notes the Activity each proxy-port request runs in.</summary>
    private sealed class RecordActivity(ConcurrentQueue<string> seen) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (!Observability.AdminEndpoints.IsAdminConnection(context))
                {
                    seen.Enqueue(Activity.Current?.OperationName ?? "none");
                }

                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
