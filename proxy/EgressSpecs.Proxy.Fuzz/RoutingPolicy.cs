using EgressSpecs.Proxy.Configuration;
using EgressSpecs.Proxy.Observability;
using EgressSpecs.Proxy.Policy;
using EgressSpecs.Proxy.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace EgressSpecs.Proxy.Fuzz;

/// <summary>One proxy configuration under test: the suffix, the allowlist and the configured internal names.</summary>
internal sealed record RoutingPolicy(string Suffix, IReadOnlyList<string> Destinations, IReadOnlyList<string> InternalNames)
{
    /// <summary>
    /// What the fuzzer runs against: <c>*</c> allows every public name, so any IP literal or internal name that
    /// slipped through the parser would be routed; the nested wildcards and the exact name exercise precedence.
    /// </summary>
    public static RoutingPolicy Fuzzing { get; } = new(
        "egress.local",
        ["*", "*.example.com", "*.eu.example.com", "api.example.com", "*.s3.amazonaws.com"],
        ["*.corp.example", "vault.example.net"]);

    /// <summary>Builds the proxy's own router for this policy, as the host builds it from configuration.</summary>
    public EgressRouter CreateRouter()
    {
        var options = Options.Create(new EgressOptions
        {
            Suffix = Suffix,
            Destinations = [.. Destinations.Select(host => new DestinationOptions { Host = host })],
            InternalNames = [.. InternalNames],
        });
        var validation = new EgressOptionsValidator().Validate(Options.DefaultName, options.Value);
        if (validation.Failed)
        {
            throw new ArgumentException($"The policy under test is not a valid configuration: {validation.FailureMessage}");
        }

        var catalog = new DestinationCatalog(new ConfigurationBuilder().Build(), options, new EgressOptionsValidator(),
            new EgressMetrics(Prometheus.Metrics.NewCustomRegistry()), NullLogger<DestinationCatalog>.Instance);
        return new EgressRouter(catalog, new InternalNames(options.Value.InternalNames), options);
    }
}
