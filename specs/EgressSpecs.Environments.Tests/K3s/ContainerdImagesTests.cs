using EgressSpecs.Environments.K3s;

namespace EgressSpecs.Environments.Tests.K3s;

public sealed class ContainerdImagesTests
{
    private const string Digest = "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    [Fact]
    public void ListsKubeletReference_DockerImport_FindsTheNormalisedNameAsAWholeLine()
    {
        // Given: a Docker-format import, with the digest alias k3s adds.
        var listing = $"docker.io/rancher/mirrored-pause:3.6\ndocker.io/egress-specs/proxy:abc123\ndocker.io/egress-specs/proxy@{Digest}\n";

        // When
        var found = ContainerdImages.ListsKubeletReference(listing, "egress-specs/proxy:abc123");

        // Then
        Assert.True(found);
    }

    [Fact]
    public void ListsKubeletReference_OciImportWithoutDockerIo_IsNotFound()
    {
        // Given: an OCI import keeps ref.name as written; a substring match on egress-specs/proxy:abc123 accepted it.
        var listing = $"egress-specs/proxy:abc123\ndocker.io/egress-specs/proxy@{Digest}\n";

        // When
        var found = ContainerdImages.ListsKubeletReference(listing, "egress-specs/proxy:abc123");

        // Then
        Assert.False(found);
    }

    [Fact]
    public void ListsKubeletReference_LongerTagThatContainsTheWantedOne_IsNotFound()
    {
        // Given
        var listing = "docker.io/egress-specs/proxy:abc1234\r\ndocker.io/egress-specs/proxy:abc123-old\r\n";

        // When
        var found = ContainerdImages.ListsKubeletReference(listing, "egress-specs/proxy:abc123");

        // Then
        Assert.False(found);
        Assert.True(ContainerdImages.ListsKubeletReference(listing, "egress-specs/proxy:abc1234"));
    }
}
