using System.Net;
using EgressSpecs.Proxy.Tests.Support;
using Microsoft.Extensions.Options;

namespace EgressSpecs.Proxy.Tests.Functional;

public sealed class StartupTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Start_OnPortZero_LogsEachEndpointOnceWithItsRealUrl()
    {
        // Given
        await using var proxy = await ProxyHost.StartAsync(ProxyHost.BaseSettings());

        // When
        var listening = proxy.Logs.Messages.Where(m => m.StartsWith("Endpoint ", StringComparison.Ordinal)).ToList();

        // Then
        Assert.Equal(2, listening.Count);
        Assert.Contains($"Endpoint Proxy listening on http://127.0.0.1:{proxy.ProxyPort}", listening);
        Assert.Contains($"Endpoint Admin listening on http://127.0.0.1:{proxy.AdminPort}", listening);
        Assert.NotEqual(0, proxy.ProxyPort);
        using var health = await proxy.AdminGetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Theory]
    [InlineData("Egress:Destinations:0:Host", "not a host!", "Egress:Destinations:0:Host")]
    [InlineData("Egress:Destinations:0:Host", "kubernetes.default.svc", "Egress:Destinations:0:Host")]
    [InlineData("Egress:DnsServers:0", "resolver.example", "Egress:DnsServers:0")]
    [InlineData("Egress:TrustedCaFile", "/nonexistent/ca.pem", "Egress:TrustedCaFile")]
    [InlineData("Egress:ConnectTimeout", "00:00:00", "Egress:ConnectTimeout")]
    public async Task Start_InvalidSetting_FailsNamingTheKey(string key, string value, string expectedKey)
    {
        // Given
        var settings = ProxyHost.BaseSettings();
        settings[key] = value;

        // When
        var error = await Assert.ThrowsAsync<OptionsValidationException>(async () =>
        {
            await using var app = ProxyHost.Build(settings, overrides: null, out _);
            await app.StartAsync(Ct);
        });

        // Then
        Assert.Contains(expectedKey, error.Message);
    }

    [Fact]
    public async Task Build_KestrelLimits_AreDeliberateAndOverridable()
    {
        // Given one limit overridden the standard way
        var settings = ProxyHost.BaseSettings();
        settings["Kestrel:Limits:MaxRequestHeaderCount"] = "64";
        await using var app = ProxyHost.Build(settings, overrides: null, out _);

        // When
        var limits = app.Services.GetRequiredService<IOptions<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>>().Value.Limits;

        // Then
        Assert.Equal(64, limits.MaxRequestHeaderCount);
        Assert.Null(limits.MaxRequestBodySize);
        Assert.Equal(TimeSpan.FromSeconds(15), limits.RequestHeadersTimeout);
    }
}
