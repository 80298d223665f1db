using EgressSpecs.Environments.Local;

namespace EgressSpecs.Environments.Tests.Local;

public sealed class LocalTargetSettingsTests
{
    [Fact]
    public void Read_NothingSet_StartsOurProxyWithRandomPortsAndTheShippedRule()
    {
        // Given
        var variables = new Dictionary<string, string?>();

        // When
        var settings = LocalTargetSettings.Read(name => variables.GetValueOrDefault(name));

        // Then
        Assert.Null(settings.ProxyUrl);
        Assert.Null(settings.ProxyAdminUrl);
        Assert.Null(settings.CorefilePath);
        Assert.Null(settings.ThirdPartyPort);
        Assert.Null(settings.DnsPort);
        Assert.Null(settings.CaFile);
        Assert.Null(settings.IssuingCaFile);
        Assert.Null(settings.ProxyDll);
        Assert.Equal(LocalTargetSettings.DefaultProxyStartTimeout, settings.ProxyStartTimeout);
        Assert.Equal(MeshedAppMode.Auto, settings.MeshedApp);
    }

    [Fact]
    public void Read_MeshedAppUnknownWord_FailsNamingTheVariable()
    {
        // Given
        var variables = new Dictionary<string, string?> { [EgressEnvironmentVariables.MeshedApp] = "docker" };

        // When
        var failure = Assert.Throws<InvalidOperationException>(() => LocalTargetSettings.Read(name => variables.GetValueOrDefault(name)));

        // Then
        Assert.StartsWith("EGRESS_SPECS_MESHED_APP='docker'", failure.Message);
    }

    [Fact]
    public void Read_EveryOverride_IsTaken()
    {
        // Given
        var variables = new Dictionary<string, string?>
        {
            [EgressEnvironmentVariables.ProxyUrl] = "http://127.0.0.1:8080",
            [EgressEnvironmentVariables.ProxyAdminUrl] = " http://127.0.0.1:9901/admin ",
            [EgressEnvironmentVariables.Corefile] = "/tmp/seed-rule.txt",
            [EgressEnvironmentVariables.ThirdPartyPort] = "8443",
            [EgressEnvironmentVariables.DnsPort] = "5353",
            [EgressEnvironmentVariables.CaFile] = "/tmp/ca.pem",
            [EgressEnvironmentVariables.IssuingCa] = "/tmp/issuing-ca.pem",
            [EgressEnvironmentVariables.ProxyDll] = "/opt/proxy/EgressSpecs.Proxy.dll",
            [EgressEnvironmentVariables.ProxyStartTimeout] = "90",
        };

        // When
        var settings = LocalTargetSettings.Read(name => variables.GetValueOrDefault(name));

        // Then
        Assert.Equal(new Uri("http://127.0.0.1:8080"), settings.ProxyUrl);
        Assert.Equal(new Uri("http://127.0.0.1:9901/admin"), settings.ProxyAdminUrl);
        Assert.Equal("/tmp/seed-rule.txt", settings.CorefilePath);
        Assert.Equal(8443, settings.ThirdPartyPort);
        Assert.Equal(5353, settings.DnsPort);
        Assert.Equal("/tmp/ca.pem", settings.CaFile);
        Assert.Equal("/tmp/issuing-ca.pem", settings.IssuingCaFile);
        Assert.Equal("/opt/proxy/EgressSpecs.Proxy.dll", settings.ProxyDll);
        Assert.Equal(TimeSpan.FromSeconds(90), settings.ProxyStartTimeout);
    }

    [Theory]
    [InlineData(EgressEnvironmentVariables.ProxyUrl, "127.0.0.1:8080")]
    [InlineData(EgressEnvironmentVariables.ProxyUrl, "https://127.0.0.1:8443")]
    [InlineData(EgressEnvironmentVariables.ThirdPartyPort, "0")]
    [InlineData(EgressEnvironmentVariables.ThirdPartyPort, "65536")]
    [InlineData(EgressEnvironmentVariables.DnsPort, "53a")]
    [InlineData(EgressEnvironmentVariables.DnsPort, "-1")]
    [InlineData(EgressEnvironmentVariables.ProxyStartTimeout, "soon")]
    public void Read_BadValue_FailsNamingTheVariable(string name, string value)
    {
        // Given
        var variables = new Dictionary<string, string?> { [name] = value };

        // When
        var failure = Assert.Throws<InvalidOperationException>(() => LocalTargetSettings.Read(variable => variables.GetValueOrDefault(variable)));

        // Then
        Assert.Contains(name, failure.Message);
        Assert.Contains(value, failure.Message);
    }

    [Fact]
    public void Read_AdminUrlWithoutProxyUrl_FailsSayingItOnlyDescribesAnExternalProxy()
    {
        // Given
        var variables = new Dictionary<string, string?> { [EgressEnvironmentVariables.ProxyAdminUrl] = "http://127.0.0.1:9901" };

        // When
        var failure = Assert.Throws<InvalidOperationException>(() => LocalTargetSettings.Read(variable => variables.GetValueOrDefault(variable)));

        // Then
        Assert.Contains(EgressEnvironmentVariables.ProxyUrl, failure.Message);
        Assert.Contains("external proxy", failure.Message);
    }
}
