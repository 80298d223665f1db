using EgressSpecs.Environments.Kubernetes;

namespace EgressSpecs.Environments.Tests.Kubernetes;

public sealed class ClientPodsTests
{
    [Fact]
    public void Meshed_AsksLinkerdForItsSidecarAndRunsTheGlibcAppImage()
    {
        // Given
        const string ns = "egress-specs-apps-abc123";

        // When
        var pod = ClientPods.Meshed(ns);

        // Then
        Assert.Equal(ns, pod.Metadata.NamespaceProperty);
        Assert.Equal("enabled", pod.Metadata.Annotations["linkerd.io/inject"]);
        var container = Assert.Single(pod.Spec.Containers);
        Assert.Equal(ClientPods.AppContainer, container.Name);
        Assert.Equal(PinnedImages.App, container.Image);
        Assert.Equal(["sleep", "infinity"], container.Command);
    }

    [Fact]
    public void Unmeshed_RefusesTheSidecarAndCarriesDig()
    {
        // Given
        const string ns = "egress-specs-apps-abc123";

        // When
        var pod = ClientPods.Unmeshed(ns);

        // Then
        Assert.Equal("disabled", pod.Metadata.Annotations["linkerd.io/inject"]);
        Assert.Equal([ClientPods.AppContainer, ClientPods.DigContainer], pod.Spec.Containers.Select(container => container.Name));
    }

    [Fact]
    public void PinnedImages_EveryImageHasAnExplicitNonLatestTag()
    {
        // Given
        string[] images = [PinnedImages.K3s, PinnedImages.App, PinnedImages.Dig];

        // When
        var tags = images.Select(image => image[(image.LastIndexOf(':') + 1)..]).ToList();

        // Then
        Assert.All(images, image => Assert.Contains(':', image));
        Assert.DoesNotContain("latest", tags);
    }
}
