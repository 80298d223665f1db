using System.Runtime.InteropServices;
using EgressSpecs.Environments.K3s;

namespace EgressSpecs.Environments.Tests.K3s;

public sealed class ProxyImageBuildTests
{
    [Theory]
    [InlineData(Architecture.X64, "x64")]
    [InlineData(Architecture.Arm64, "arm64")]
    public void Arguments_PublishALinuxContainerArchiveForTheHostsArchitecture(Architecture architecture, string expected)
    {
        // Given
        const string tar = "/tmp/run/egress-proxy.tar";

        // When
        var arguments = ProxyImageBuild.Arguments("proxy/EgressSpecs.Proxy/EgressSpecs.Proxy.csproj", "abc123", tar, architecture);

        // Then
        Assert.Equal(["publish", "proxy/EgressSpecs.Proxy/EgressSpecs.Proxy.csproj"], arguments.Take(2));
        Assert.Equal(expected, arguments[arguments.ToList().IndexOf("--arch") + 1]);
        Assert.Contains("-t:PublishContainer", arguments);
        Assert.Contains("-p:ContainerArchiveOutputPath=/tmp/run/egress-proxy.tar", arguments);
        Assert.Contains("-p:ContainerImageTag=abc123", arguments);
        Assert.Equal("egress-specs/proxy:abc123", ProxyImageBuild.ImageName("abc123"));
    }
}
