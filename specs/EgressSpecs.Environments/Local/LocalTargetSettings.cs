using System.Globalization;

namespace EgressSpecs.Environments.Local;

/// <summary>The local target's settings, read from the environment and checked before anything starts.</summary>
internal sealed record LocalTargetSettings
{
    public static readonly TimeSpan DefaultProxyStartTimeout = TimeSpan.FromSeconds(60);

    /// <summary>An external proxy to use instead of ours, or null to start ours.</summary>
    public Uri? ProxyUrl { get; init; }

    /// <summary>The external proxy's admin URL, or null when it has none (ours reports its own).</summary>
    public Uri? ProxyAdminUrl { get; init; }

    /// <summary>The rule file given instead of the shipped one, or null.</summary>
    public string? CorefilePath { get; init; }

    public int? ThirdPartyPort { get; init; }

    public int? DnsPort { get; init; }

    public string? CaFile { get; init; }

    /// <summary>The CA (certificate and private key, PEM) to issue the third parties' certificates from, or null to make one.</summary>
    public string? IssuingCaFile { get; init; }

    public string? ProxyDll { get; init; }

    public TimeSpan ProxyStartTimeout { get; init; } = DefaultProxyStartTimeout;

    /// <summary>Whether the meshed app is curl and glibc in a private mount namespace, the in-process model, or whichever the machine allows.</summary>
    public MeshedAppMode MeshedApp { get; init; } = MeshedAppMode.Auto;

    /// <summary>Reads and checks every variable; a bad value is an error that names the variable and what it expects.</summary>
    public static LocalTargetSettings Read(Func<string, string?> variable)
    {
        var proxyUrl = HttpUrl(variable, EgressEnvironmentVariables.ProxyUrl);
        var adminUrl = HttpUrl(variable, EgressEnvironmentVariables.ProxyAdminUrl);
        if (adminUrl is not null && proxyUrl is null)
        {
            throw new InvalidOperationException(
                $"{EgressEnvironmentVariables.ProxyAdminUrl} is set but {EgressEnvironmentVariables.ProxyUrl} is not: "
                + "the admin URL only describes an external proxy (ours reports its own).");
        }

        var timeout = Value(variable, EgressEnvironmentVariables.ProxyStartTimeout) is { } seconds
            ? TimeSpan.FromSeconds(PositiveNumber(EgressEnvironmentVariables.ProxyStartTimeout, seconds, 3600))
            : DefaultProxyStartTimeout;

        return new LocalTargetSettings
        {
            ProxyUrl = proxyUrl,
            ProxyAdminUrl = adminUrl,
            CorefilePath = Value(variable, EgressEnvironmentVariables.Corefile),
            ThirdPartyPort = Port(variable, EgressEnvironmentVariables.ThirdPartyPort),
            DnsPort = Port(variable, EgressEnvironmentVariables.DnsPort),
            CaFile = Value(variable, EgressEnvironmentVariables.CaFile),
            IssuingCaFile = Value(variable, EgressEnvironmentVariables.IssuingCa),
            ProxyDll = Value(variable, EgressEnvironmentVariables.ProxyDll),
            ProxyStartTimeout = timeout,
            MeshedApp = MeshedAppChoice.ParseMode(variable(EgressEnvironmentVariables.MeshedApp)),
        };
    }

    private static string? Value(Func<string, string?> variable, string name) =>
        variable(name) is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    private static int? Port(Func<string, string?> variable, string name) =>
        Value(variable, name) is { } value ? PositiveNumber(name, value, 65535) : null;

    private static int PositiveNumber(string name, string value, int max) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 1 && number <= max
            ? number
            : throw new InvalidOperationException($"{name}='{value}' is not a whole number from 1 to {max}.");

    private static Uri? HttpUrl(Func<string, string?> variable, string name)
    {
        if (Value(variable, name) is not { } value)
        {
            return null;
        }

        if (!Uri.TryCreate(value, UriKind.Absolute, out var url) || url.Scheme != Uri.UriSchemeHttp || url.Host.Length == 0)
        {
            throw new InvalidOperationException($"{name}='{value}' is not an absolute http:// URL such as http://127.0.0.1:8080.");
        }

        return url;
    }
}
