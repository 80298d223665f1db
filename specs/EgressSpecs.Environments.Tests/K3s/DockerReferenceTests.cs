using EgressSpecs.Environments.K3s;

namespace EgressSpecs.Environments.Tests.K3s;

public sealed class DockerReferenceTests
{
    [Theory]
    [InlineData("egress-specs/proxy:abc123", "docker.io/egress-specs/proxy:abc123")]
    [InlineData("egress-specs/proxy", "docker.io/egress-specs/proxy:latest")]
    [InlineData("busybox", "docker.io/library/busybox:latest")]
    [InlineData("docker.io/busybox:1.36", "docker.io/library/busybox:1.36")]
    [InlineData("index.docker.io/egress-specs/proxy:abc", "docker.io/egress-specs/proxy:abc")]
    [InlineData("localhost/proxy:1", "localhost/proxy:1")]
    [InlineData("registry.example.test:5000/team/proxy:1.0", "registry.example.test:5000/team/proxy:1.0")]
    [InlineData("ghcr.io/nicolaka/netshoot:v0.13", "ghcr.io/nicolaka/netshoot:v0.13")]
    [InlineData(
        "egress-specs/proxy:abc@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
        "docker.io/egress-specs/proxy@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")]
    public void Normalize_FamiliarNames_AreQualifiedAsContainerdDoes(string reference, string expected)
    {
        // Given: distribution/reference ParseDockerRef, which containerd's CRI uses to resolve kubelet's image.

        // When
        var normalized = DockerReference.Normalize(reference);

        // Then
        Assert.Equal(expected, normalized);
    }

    [Theory]
    [InlineData("egress-specs/Proxy:abc", "must be lowercase")]
    [InlineData("egress-specs/proxy:", "not a valid image reference")]
    [InlineData("egress specs/proxy:abc", "not a valid image reference")]
    [InlineData("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", "image id")]
    public void Normalize_Invalid_SaysWhy(string reference, string expected)
    {
        // Given: references containerd would refuse.

        // When
        var failure = Assert.Throws<FormatException>(() => DockerReference.Normalize(reference));

        // Then
        Assert.Contains(expected, failure.Message);
    }
}
