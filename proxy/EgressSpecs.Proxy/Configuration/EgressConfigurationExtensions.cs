using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.Configuration.Memory;

namespace EgressSpecs.Proxy.Configuration;

/// <summary>Where the proxy's settings come from, lowest precedence first.</summary>
internal static class EgressConfigurationExtensions
{
    /// <summary>Environment variable naming an optional JSON settings file (a mounted ConfigMap, for instance).</summary>
    public const string ConfigFileVariable = "EGRESS_CONFIG_FILE";

    /// <summary>
    /// Defaults that any other source overrides: the container ports and quiet per-request logs. The only place these
    /// are set (there is no appsettings.json); the <c>Egress</c> section's defaults are <see cref="EgressOptions"/>'s.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string?> Defaults = new Dictionary<string, string?>
    {
        ["Kestrel:Endpoints:Proxy:Url"] = "http://0.0.0.0:8080",
        ["Kestrel:Endpoints:Admin:Url"] = "http://0.0.0.0:9090",
        ["Logging:LogLevel:Default"] = "Information",
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
        // ASP.NET Core 10's hosting layer starts a trace Activity and a logging scope for every request whenever this
        // category is enabled at any level (HostingApplicationDiagnostics.BeginRequest). Off, a request pays for
        // tracing only when a tracer listens. Per request the category logs only Information; what its startup
        // events are, and why the proxy does not need them, is in docs/proxy.md ("Logs").
        ["Logging:LogLevel:Microsoft.AspNetCore.Hosting.Diagnostics"] = "None",
        ["Logging:LogLevel:Yarp"] = "Warning",
        [$"Logging:LogLevel:{Observability.RequestLog.Category}"] = "Warning",
    };

    /// <summary>
    /// Adds the built-in defaults below every source, and the <c>EGRESS_CONFIG_FILE</c> JSON file (reloaded on
    /// change) just below the environment variables, so an environment variable still overrides the file.
    /// </summary>
    public static void AddEgressSources(this IConfigurationManager configuration)
    {
        configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = Defaults });

        var file = configuration[ConfigFileVariable];
        if (string.IsNullOrWhiteSpace(file))
        {
            return;
        }

        var source = new JsonConfigurationSource
        {
            Path = Path.GetFullPath(file),
            Optional = false,
            ReloadOnChange = true,
        };
        source.ResolveFileProvider();

        var firstEnvironmentSource = configuration.Sources
            .Select((s, index) => (s, index))
            .FirstOrDefault(pair => pair.s is Microsoft.Extensions.Configuration.EnvironmentVariables.EnvironmentVariablesConfigurationSource, (null!, -1))
            .index;
        if (firstEnvironmentSource < 0)
        {
            configuration.Sources.Add(source);
        }
        else
        {
            configuration.Sources.Insert(firstEnvironmentSource, source);
        }
    }
}
