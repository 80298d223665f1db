using EgressSpecs.Proxy.Configuration;
using EgressSpecs.Proxy.Observability;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace EgressSpecs.Proxy.Policy;

/// <summary>
/// The live allowlist. It follows configuration reloads (a ConfigMap file, for instance) and keeps the last
/// good table when a reload is invalid, so a typo never opens or closes the proxy by accident.
/// </summary>
internal sealed partial class DestinationCatalog : IDisposable
{
    private readonly IConfiguration _configuration;
    private readonly IValidateOptions<EgressOptions> _validator;
    private readonly EgressMetrics _metrics;
    private readonly ILogger<DestinationCatalog> _logger;
    private readonly IDisposable _reloadRegistration;
    private DestinationTable _current;
    private string _signature;

    public DestinationCatalog(
        IConfiguration configuration,
        IOptions<EgressOptions> options,
        IValidateOptions<EgressOptions> validator,
        EgressMetrics metrics,
        ILogger<DestinationCatalog> logger)
    {
        _configuration = configuration;
        _validator = validator;
        _metrics = metrics;
        _logger = logger;
        _current = new DestinationTable(options.Value.Destinations, metrics);
        _signature = Signature(options.Value.Destinations);
        _reloadRegistration = ChangeToken.OnChange(configuration.GetReloadToken, Reload);
    }

    public DestinationTable Current => Volatile.Read(ref _current);

    public void Dispose() => _reloadRegistration.Dispose();

    private void Reload()
    {
        EgressOptions fresh;
        try
        {
            fresh = new EgressOptions();
            _configuration.GetSection(EgressOptions.SectionName).Bind(fresh);
        }
        catch (InvalidOperationException ex)
        {
            LogReloadRejected(_logger, ex.Message, _current.Count);
            return;
        }

        var result = _validator.Validate(Options.DefaultName, fresh);
        if (result.Failed)
        {
            LogReloadRejected(_logger, result.FailureMessage, _current.Count);
            return;
        }

        var signature = Signature(fresh.Destinations);
        if (signature == _signature)
        {
            return;
        }

        Volatile.Write(ref _current, new DestinationTable(fresh.Destinations, _metrics));
        _signature = signature;
        LogReloaded(_logger, _current.Count);
    }

    private static string Signature(IEnumerable<DestinationOptions> destinations) =>
        string.Join('\n', destinations.Select(d => $"{d.Host}|{d.Port}|{d.Address}|{d.Upgrade}"));

    [LoggerMessage(Level = LogLevel.Information, Message = "Destinations reloaded: {DestinationCount} entries")]
    private static partial void LogReloaded(ILogger logger, int destinationCount);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Configuration reload rejected, keeping the last good {DestinationCount} destinations: {Reason}")]
    private static partial void LogReloadRejected(ILogger logger, string reason, int destinationCount);
}
