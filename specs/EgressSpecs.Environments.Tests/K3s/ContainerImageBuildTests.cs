using System.Runtime.InteropServices;
using EgressSpecs.Environments.K3s;

namespace EgressSpecs.Environments.Tests.K3s;

public sealed class ContainerImageBuildTests : IDisposable
{
    private const string Project = "proxy/EgressSpecs.Proxy/EgressSpecs.Proxy.csproj";

    private readonly string _directory = Directory.CreateTempSubdirectory("egress-specs-image-build-").FullName;

    [Theory]
    [InlineData(Architecture.X64, "x64")]
    [InlineData(Architecture.Arm64, "arm64")]
    public void Arguments_ToArchive_PublishALinuxDockerFormatArchiveForTheHostsArchitecture(Architecture architecture, string expected)
    {
        // Given
        var build = ContainerImageBuild.ToArchive(Project, ContainerImageBuild.ProxyRepository, "abc123", "/tmp/run/egress-proxy.tar");

        // When
        var arguments = build.Arguments(architecture);

        // Then
        Assert.Equal(["publish", Project], arguments.Take(2));
        Assert.Equal(expected, arguments[arguments.ToList().IndexOf("--arch") + 1]);
        Assert.Equal("linux", arguments[arguments.ToList().IndexOf("--os") + 1]);
        Assert.Contains("-t:PublishContainer", arguments);
        Assert.Contains("-p:ContainerRepository=egress-specs/proxy", arguments);
        Assert.Contains("-p:ContainerImageTag=abc123", arguments);
        Assert.Contains("-p:ContainerArchiveOutputPath=/tmp/run/egress-proxy.tar", arguments);
        Assert.Contains("-p:ContainerImageFormat=Docker", arguments);
        Assert.Equal("egress-specs/proxy:abc123", build.ImageName);
        Assert.Equal("docker.io/egress-specs/proxy:abc123", build.KubeletReference);
    }

    [Fact]
    public void Arguments_ToLocalEngine_SameRecipeWithoutAnArchive()
    {
        // Given
        var build = ContainerImageBuild.ToLocalEngine("thirdparties/EgressSpecs.ThirdParties.csproj", "egress-specs/third-parties", "abc123");

        // When
        var arguments = build.Arguments(Architecture.X64);

        // Then
        Assert.Contains("-t:PublishContainer", arguments);
        Assert.Contains("-p:ContainerRepository=egress-specs/third-parties", arguments);
        Assert.DoesNotContain(arguments, argument => argument.StartsWith("-p:ContainerArchiveOutputPath", StringComparison.Ordinal));
        Assert.DoesNotContain(arguments, argument => argument.StartsWith("-p:ContainerRegistry", StringComparison.Ordinal));
        Assert.DoesNotContain(arguments, argument => argument.StartsWith("-p:LocalRegistry", StringComparison.Ordinal));
    }

    [Fact]
    public void ToArchive_GzipName_IsRefused()
    {
        // Given: the SDK writes a plain tar whatever the name; k3s would gunzip a .tar.gz and fail.

        // When
        var failure = Assert.Throws<ArgumentException>(() => ContainerImageBuild.ToArchive(Project, "egress-specs/proxy", "abc123", "/tmp/egress-proxy.tar.gz"));

        // Then
        Assert.Contains("must end in .tar", failure.Message);
    }

    [Fact]
    public void ToArchive_UppercaseRepository_IsRefusedBeforeAnyBuild()
    {
        // Given

        // When
        var failure = Assert.Throws<FormatException>(() => ContainerImageBuild.ToArchive(Project, "egress-specs/Proxy", "abc123", "/tmp/egress-proxy.tar"));

        // Then
        Assert.Contains("must be lowercase", failure.Message);
    }

    [Fact]
    public void VerifyArchive_DockerTarWithTheTag_Passes()
    {
        // Given
        using var tar = ImageTars.Docker("egress-specs/proxy:abc123");
        var path = ImageTars.WriteTo(_directory, "egress-proxy.tar", tar);
        var build = ContainerImageBuild.ToArchive(Project, ContainerImageBuild.ProxyRepository, "abc123", path);

        // When
        var failure = Record.Exception(build.VerifyArchive);

        // Then
        Assert.Null(failure);
    }

    [Fact]
    public void VerifyArchive_OciTar_FailsWithTheReason()
    {
        // Given
        using var tar = ImageTars.Oci("egress-specs/proxy:abc123");
        var path = ImageTars.WriteTo(_directory, "egress-proxy.tar", tar);
        var build = ContainerImageBuild.ToArchive(Project, ContainerImageBuild.ProxyRepository, "abc123", path);

        // When
        var failure = Assert.Throws<InvalidOperationException>(build.VerifyArchive);

        // Then
        Assert.Contains("OCI image layout", failure.Message);
        Assert.Contains(path, failure.Message);
    }

    [Fact]
    public void VerifyArchive_NoFile_SaysThePublishWroteNone()
    {
        // Given
        var build = ContainerImageBuild.ToArchive(Project, ContainerImageBuild.ProxyRepository, "abc123", Path.Combine(_directory, "missing.tar"));

        // When
        var failure = Assert.Throws<InvalidOperationException>(build.VerifyArchive);

        // Then
        Assert.Contains("wrote no archive", failure.Message);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
