using EgressSpecs.Environments.K3s;

namespace EgressSpecs.Environments.Tests.K3s;

public sealed class K3sSettingsTests
{
    [Theory]
    [InlineData(null, false)]
    [InlineData("", false)]
    [InlineData("0", false)]
    [InlineData("1", true)]
    [InlineData("true", true)]
    [InlineData("False", false)]
    public void Read_KeepCluster_AcceptsOneZeroAndBooleans(string? value, bool expected)
    {
        // Given
        var variables = new Dictionary<string, string?> { ["EGRESS_SPECS_KEEP_CLUSTER"] = value };

        // When
        var settings = K3sSettings.Read(name => variables.GetValueOrDefault(name));

        // Then
        Assert.Equal(expected, settings.KeepCluster);
        Assert.Equal(K3sSettings.DefaultStartTimeout, settings.StartTimeout);
        Assert.Equal(LinkerdHelmCharts.ChartVersion, settings.LinkerdChartVersion);
    }

    [Fact]
    public void Read_LinkerdChartVersion_OverridesThePin()
    {
        // Given
        var variables = new Dictionary<string, string?> { ["EGRESS_SPECS_LINKERD_CHART_VERSION"] = " 2026.9.1 " };

        // When
        var settings = K3sSettings.Read(name => variables.GetValueOrDefault(name));

        // Then
        Assert.Equal("2026.9.1", settings.LinkerdChartVersion);
    }

    [Fact]
    public void Read_LinkerdChartVersionAsEdgeTag_NamesTheChartVersionToUse()
    {
        // Given
        var variables = new Dictionary<string, string?> { ["EGRESS_SPECS_LINKERD_CHART_VERSION"] = "edge-26.9.1" };

        // When
        var failure = Assert.Throws<InvalidOperationException>(() => K3sSettings.Read(name => variables.GetValueOrDefault(name)));

        // Then
        Assert.Equal("EGRESS_SPECS_LINKERD_CHART_VERSION='edge-26.9.1': 'edge-26.9.1' is an edge tag, not a chart version; its charts are version 2026.9.1.", failure.Message);
    }

    [Fact]
    public void Read_StartTimeout_IsMinutes()
    {
        // Given
        var variables = new Dictionary<string, string?> { ["EGRESS_SPECS_K3S_START_TIMEOUT"] = "25" };

        // When
        var settings = K3sSettings.Read(name => variables.GetValueOrDefault(name));

        // Then
        Assert.Equal(TimeSpan.FromMinutes(25), settings.StartTimeout);
    }

    [Theory]
    [InlineData("EGRESS_SPECS_KEEP_CLUSTER", "yes")]
    [InlineData("EGRESS_SPECS_K3S_START_TIMEOUT", "0")]
    [InlineData("EGRESS_SPECS_K3S_START_TIMEOUT", "ten")]
    [InlineData("EGRESS_SPECS_LINKERD_CHART_VERSION", "stable-2.14.10")]
    public void Read_BadValue_NamesTheVariable(string name, string value)
    {
        // Given
        var variables = new Dictionary<string, string?> { [name] = value };

        // When
        var failure = Assert.Throws<InvalidOperationException>(() => K3sSettings.Read(variable => variables.GetValueOrDefault(variable)));

        // Then
        Assert.Contains($"{name}='{value}'", failure.Message);
    }
}
