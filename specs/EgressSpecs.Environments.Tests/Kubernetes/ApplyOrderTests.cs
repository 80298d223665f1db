using EgressSpecs.Environments.Kubernetes;
using k8s;
using k8s.Models;

namespace EgressSpecs.Environments.Tests.Kubernetes;

public sealed class ApplyOrderTests
{
    [Fact]
    public void Sort_MixedKinds_FollowsKustomizesKindOrder()
    {
        // Given
        IKubernetesObject<V1ObjectMeta>[] objects =
        [
            Named(new V1ValidatingWebhookConfiguration { ApiVersion = "admissionregistration.k8s.io/v1", Kind = "ValidatingWebhookConfiguration" }, "hook"),
            Named(new V1Deployment { ApiVersion = "apps/v1", Kind = "Deployment" }, "proxy"),
            Named(new V1Service { ApiVersion = "v1", Kind = "Service" }, "proxy"),
            Named(new V1Secret { ApiVersion = "v1", Kind = "Secret" }, "ca"),
            Named(new V1ConfigMap { ApiVersion = "v1", Kind = "ConfigMap" }, "config"),
            Named(new V1ServiceAccount { ApiVersion = "v1", Kind = "ServiceAccount" }, "proxy"),
            Named(new V1CustomResourceDefinition { ApiVersion = "apiextensions.k8s.io/v1", Kind = "CustomResourceDefinition" }, "crd"),
            Named(new V1Namespace { ApiVersion = "v1", Kind = "Namespace" }, "egress"),
        ];

        // When
        var sorted = ApplyOrder.Sort(objects);

        // Then
        Assert.Equal(
            ["Namespace", "CustomResourceDefinition", "ServiceAccount", "ConfigMap", "Secret", "Service", "Deployment", "ValidatingWebhookConfiguration"],
            sorted.Select(item => item.Kind));
    }

    [Fact]
    public void Sort_KindsKustomizeDoesNotList_GoBetweenWorkloadsAndWebhooksByGroupThenKind()
    {
        // Given
        IKubernetesObject<V1ObjectMeta>[] objects =
        [
            Named(new V1MutatingWebhookConfiguration { ApiVersion = "admissionregistration.k8s.io/v1", Kind = "MutatingWebhookConfiguration" }, "hook"),
            Named(new V1NetworkPolicy { ApiVersion = "networking.k8s.io/v1", Kind = "NetworkPolicy" }, "policy"),
            new HelmChart { Metadata = new V1ObjectMeta { Name = "linkerd-crds" } },
            Named(new V1EndpointSlice { ApiVersion = "discovery.k8s.io/v1", Kind = "EndpointSlice" }, "api"),
            Named(new V1Service { ApiVersion = "v1", Kind = "Service" }, "api"),
            Named(new V1PodDisruptionBudget { ApiVersion = "policy/v1", Kind = "PodDisruptionBudget" }, "proxy"),
        ];

        // When
        var sorted = ApplyOrder.Sort(objects);

        // Then: "discovery.k8s.io_v1_EndpointSlice" < "helm.cattle.io_v1_HelmChart" < "networking.k8s.io_v1_NetworkPolicy".
        Assert.Equal(
            ["Service", "PodDisruptionBudget", "EndpointSlice", "HelmChart", "NetworkPolicy", "MutatingWebhookConfiguration"],
            sorted.Select(item => item.Kind));
    }

    [Fact]
    public void Sort_OneKind_KeepsTheGivenOrder()
    {
        // Given
        IKubernetesObject<V1ObjectMeta>[] objects =
        [
            Named(new V1Service { ApiVersion = "v1", Kind = "Service" }, "zeta"),
            Named(new V1Namespace { ApiVersion = "v1", Kind = "Namespace" }, "n"),
            Named(new V1Service { ApiVersion = "v1", Kind = "Service" }, "alpha"),
            Named(new V1Service { ApiVersion = "v1", Kind = "Service" }, "mid"),
        ];

        // When
        var sorted = ApplyOrder.Sort(objects);

        // Then
        Assert.Equal(["n", "zeta", "alpha", "mid"], sorted.Select(item => item.Metadata.Name));
    }

    [Fact]
    public void Sort_TypedModelWithoutKind_UsesItsEntityAttribute()
    {
        // Given: a model built in code without apiVersion and kind.
        IKubernetesObject<V1ObjectMeta>[] objects = [Named(new V1Deployment(), "proxy"), Named(new V1Secret(), "ca")];

        // When
        var sorted = ApplyOrder.Sort(objects);

        // Then
        Assert.Equal(["ca", "proxy"], sorted.Select(item => item.Metadata.Name));
    }

    [Theory]
    [InlineData("Namespace", -22)]
    [InlineData("PodDisruptionBudget", -1)]
    [InlineData("HelmChart", 0)]
    [InlineData("MutatingWebhookConfiguration", 1)]
    [InlineData("ValidatingWebhookConfiguration", 2)]
    public void Rank_IsKustomizesTypeOrder(string kind, int expected)
    {
        // Given: gvk.go's typeOrders: -len(orderFirst)+i for orderFirst, 1+i for orderLast, 0 otherwise.

        // When
        var rank = ApplyOrder.Rank(kind);

        // Then
        Assert.Equal(expected, rank);
    }

    private static IKubernetesObject<V1ObjectMeta> Named<T>(T item, string name)
        where T : IKubernetesObject<V1ObjectMeta>
    {
        item.Metadata = new V1ObjectMeta { Name = name };
        return item;
    }
}
