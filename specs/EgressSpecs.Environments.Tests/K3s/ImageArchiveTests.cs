using EgressSpecs.Environments.K3s;

namespace EgressSpecs.Environments.Tests.K3s;

public sealed class ImageArchiveTests
{
    [Fact]
    public void Read_DockerFormat_ContainerdRegistersTheNormalisedRepoTags()
    {
        // Given
        using var tar = ImageTars.Docker("egress-specs/proxy:abc123", "busybox");

        // When
        var contents = ImageArchive.Read(tar);

        // Then
        Assert.Equal(ImageArchiveFormat.Docker, contents.Format);
        Assert.Equal(["egress-specs/proxy:abc123", "busybox"], contents.Names);
        Assert.Equal(["docker.io/egress-specs/proxy:abc123", "docker.io/library/busybox:latest"], contents.ContainerdNames);
    }

    [Fact]
    public void Read_OciLayout_ContainerdKeepsTheRefNameAsWritten()
    {
        // Given: what the .NET SDK writes for an OCI archive.
        using var tar = ImageTars.Oci("egress-specs/proxy:abc123");

        // When
        var contents = ImageArchive.Read(tar);

        // Then
        Assert.Equal(ImageArchiveFormat.Oci, contents.Format);
        Assert.Equal(["egress-specs/proxy:abc123"], contents.ContainerdNames);
    }

    [Fact]
    public void Read_OciLayoutWithContainerdName_ThatNameWins()
    {
        // Given
        using var tar = ImageTars.Oci("abc123", containerdName: "docker.io/egress-specs/proxy:abc123");

        // When
        var contents = ImageArchive.Read(tar);

        // Then
        Assert.Equal(["docker.io/egress-specs/proxy:abc123"], contents.ContainerdNames);
        Assert.Equal(["abc123"], contents.Names);
    }

    [Fact]
    public void Read_BothLayouts_IsReadAsOciAsContainerdDoes()
    {
        // Given
        using var tar = ImageTars.DockerAndOci("egress-specs/proxy:abc123", "egress-specs/proxy:abc123");

        // When
        var contents = ImageArchive.Read(tar);

        // Then
        Assert.Equal(ImageArchiveFormat.Oci, contents.Format);
    }

    [Fact]
    public void Read_NeitherLayout_SaysSo()
    {
        // Given
        using var tar = ImageTars.Tar(("app/EgressSpecs.Proxy.dll", "MZ"));

        // When
        var failure = Assert.Throws<InvalidDataException>(() => ImageArchive.Read(tar));

        // Then
        Assert.Contains("neither oci-layout nor manifest.json", failure.Message);
    }

    [Fact]
    public void KubeletCannotFind_DockerArchiveWithTheExactTag_IsNull()
    {
        // Given
        using var tar = ImageTars.Docker("egress-specs/proxy:abc123");

        // When
        var problem = ImageArchive.KubeletCannotFind(ImageArchive.Read(tar), "egress-specs/proxy:abc123");

        // Then
        Assert.Null(problem);
    }

    [Fact]
    public void KubeletCannotFind_OciArchive_NamesTheFormatAndTheFix()
    {
        // Given
        using var tar = ImageTars.Oci("egress-specs/proxy:abc123");

        // When
        var problem = ImageArchive.KubeletCannotFind(ImageArchive.Read(tar), "egress-specs/proxy:abc123");

        // Then
        Assert.NotNull(problem);
        Assert.Contains("OCI image layout", problem);
        Assert.Contains("kubelet asks for docker.io/egress-specs/proxy:abc123", problem);
        Assert.Contains("-p:ContainerImageFormat=Docker", problem);
    }

    [Fact]
    public void KubeletCannotFind_DockerArchiveWithAnotherTag_ListsTheTagsItHas()
    {
        // Given
        using var tar = ImageTars.Docker("egress-specs/proxy:abc1234");

        // When
        var problem = ImageArchive.KubeletCannotFind(ImageArchive.Read(tar), "egress-specs/proxy:abc123");

        // Then
        Assert.Equal("its RepoTags are egress-specs/proxy:abc1234, not egress-specs/proxy:abc123 (kubelet asks containerd for docker.io/egress-specs/proxy:abc123)", problem);
    }

    [Fact]
    public void RequireKubeletCanFind_OciFile_ThrowsNamingThePath()
    {
        // Given
        var directory = Directory.CreateTempSubdirectory("egress-specs-image-archive-").FullName;
        try
        {
            using var tar = ImageTars.Oci("egress-specs/proxy:abc123");
            var path = ImageTars.WriteTo(directory, "egress-proxy.tar", tar);

            // When
            var failure = Assert.Throws<InvalidOperationException>(() => ImageArchive.RequireKubeletCanFind(path, "egress-specs/proxy:abc123"));

            // Then
            Assert.StartsWith($"The image archive {path} cannot serve pods that use egress-specs/proxy:abc123: it is an OCI image layout", failure.Message);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
