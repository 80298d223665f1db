using EgressSpecs.Proxy.Configuration;
using EgressSpecs.Proxy.Lifecycle;
using EgressSpecs.Proxy.Observability;
using EgressSpecs.Proxy.Policy;
using EgressSpecs.Proxy.Routing;
using EgressSpecs.Proxy.Upstream;
using Microsoft.Extensions.Options;
using Prometheus;

namespace EgressSpecs.Proxy;

/// <summary>Wires the egress proxy into a web application: <c>builder.AddEgressProxy(); app.MapEgressProxy();</c>.</summary>
internal static class EgressProxyExtensions
{
    public static WebApplicationBuilder AddEgressProxy(this WebApplicationBuilder builder)
    {
        builder.Configuration.AddEgressSources();
        if (builder.Configuration.GetValue<bool>($"{EgressOptions.SectionName}:JsonLogs"))
        {
            builder.Logging.AddJsonConsole();
        }

        var endpoints = new KestrelEndpoints();
        builder.WebHost.ConfigureKestrel((context, kestrel) => KestrelSetup.Configure(context, kestrel, endpoints));

        var services = builder.Services;
        services.AddOptions<EgressOptions>()
            .Configure<IConfiguration>((options, configuration) => configuration.GetSection(EgressOptions.SectionName).Bind(options))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<EgressOptions>, EgressOptionsValidator>();
        services.AddOptions<HostOptions>().Configure<IOptions<EgressOptions>>((host, egress) =>
            host.ShutdownTimeout = egress.Value.Shutdown.ReadinessDelay + egress.Value.Shutdown.DrainTimeout);

        services.AddSingleton(endpoints);
        services.AddSingleton(_ =>
        {
            // One registry per application (not prometheus-net's static default) so several proxies can share a process.
            var registry = Prometheus.Metrics.NewCustomRegistry();
            DotNetStats.Register(registry);
            return registry;
        });
        services.AddSingleton<EgressMetrics>();
        services.AddSingleton(sp => new InternalNames(sp.GetRequiredService<IOptions<EgressOptions>>().Value.InternalNames));
        services.AddSingleton<DestinationCatalog>();
        services.AddSingleton(sp => new AddressGuard(sp.GetRequiredService<IOptions<EgressOptions>>().Value.Nat64Prefixes));
        services.AddSingleton<IHostResolver>(sp => CreateResolver(sp.GetRequiredService<IOptions<EgressOptions>>().Value));
        services.AddSingleton<UpstreamConnector>();
        services.AddSingleton<UpstreamTrust>();
        services.AddSingleton<UpstreamClient>();
        services.AddHttpForwarder();
        services.AddSingleton<EgressTransformer>();
        services.AddSingleton<EgressRouter>();
        services.AddSingleton<EgressRequestHandler>();
        services.AddSingleton<Readiness>();
        services.AddSingleton<AdminEndpoints>();
        services.AddHostedService<EndpointAnnouncer>();
        services.AddHostedService<GracefulShutdown>();
        return builder;
    }

    public static WebApplication MapEgressProxy(this WebApplication app)
    {
        var admin = app.Services.GetRequiredService<AdminEndpoints>();
        var proxy = app.Services.GetRequiredService<EgressRequestHandler>();

        // No routing middleware: one feature check splits the ports, then each side is a single handler.
        app.Run(context => AdminEndpoints.IsAdminConnection(context) ? admin.HandleAsync(context) : proxy.HandleAsync(context));
        return app;
    }

    private static IHostResolver CreateResolver(EgressOptions options)
    {
        if (options.DnsServers.Count == 0)
        {
            return new SystemHostResolver();
        }

        var servers = options.DnsServers.Select(text => EgressOptionsValidator.TryParseDnsServer(text, out var endPoint)
            ? endPoint
            : throw new OptionsValidationException(EgressOptions.SectionName, typeof(EgressOptions), [$"Egress:DnsServers: '{text}' is not an 'ip:port' endpoint."]));
        return new DnsClientHostResolver(servers, options.DnsTimeout);
    }
}
