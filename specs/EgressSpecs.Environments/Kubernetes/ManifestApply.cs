using k8s;
using k8s.Models;

namespace EgressSpecs.Environments.Kubernetes;

/// <summary>
/// Server-side apply (<c>kubectl apply --server-side</c>) of the objects the harness manages: idempotent, no
/// last-applied annotation, one field manager. Typed calls per kind, because the generic client cannot name a field manager.
/// </summary>
internal static class ManifestApply
{
    public const string FieldManager = "egress-specs";

    public static async Task ApplyAsync(IKubernetes client, IKubernetesObject<V1ObjectMeta> manifest, CancellationToken cancellationToken)
    {
        var name = manifest.Metadata?.Name ?? throw new ArgumentException($"A {manifest.Kind} without metadata.name cannot be applied.", nameof(manifest));
        var ns = manifest.Metadata.NamespaceProperty;
        var patch = new V1Patch(manifest, V1Patch.PatchType.ApplyPatch);
        switch (manifest)
        {
            case V1Namespace:
                await client.CoreV1.PatchNamespaceAsync(patch, name, fieldManager: FieldManager, force: true, cancellationToken: cancellationToken);
                break;
            case V1ConfigMap:
                await client.CoreV1.PatchNamespacedConfigMapAsync(patch, name, Namespaced(manifest), fieldManager: FieldManager, force: true, cancellationToken: cancellationToken);
                break;
            case V1Secret:
                await client.CoreV1.PatchNamespacedSecretAsync(patch, name, Namespaced(manifest), fieldManager: FieldManager, force: true, cancellationToken: cancellationToken);
                break;
            case V1Service:
                await client.CoreV1.PatchNamespacedServiceAsync(patch, name, Namespaced(manifest), fieldManager: FieldManager, force: true, cancellationToken: cancellationToken);
                break;
            case V1Pod:
                await client.CoreV1.PatchNamespacedPodAsync(patch, name, Namespaced(manifest), fieldManager: FieldManager, force: true, cancellationToken: cancellationToken);
                break;
            case V1Deployment:
                await client.AppsV1.PatchNamespacedDeploymentAsync(patch, name, Namespaced(manifest), fieldManager: FieldManager, force: true, cancellationToken: cancellationToken);
                break;
            case V1PodDisruptionBudget:
                await client.PolicyV1.PatchNamespacedPodDisruptionBudgetAsync(patch, name, Namespaced(manifest), fieldManager: FieldManager, force: true, cancellationToken: cancellationToken);
                break;
            case V1NetworkPolicy:
                await client.NetworkingV1.PatchNamespacedNetworkPolicyAsync(patch, name, Namespaced(manifest), fieldManager: FieldManager, force: true, cancellationToken: cancellationToken);
                break;
            case V1EndpointSlice:
                await client.DiscoveryV1.PatchNamespacedEndpointSliceAsync(patch, name, Namespaced(manifest), fieldManager: FieldManager, force: true, cancellationToken: cancellationToken);
                break;
            case HelmChart:
                await client.CustomObjects.PatchNamespacedCustomObjectAsync(
                    patch, HelmChart.Group, HelmChart.Version, Namespaced(manifest), HelmChart.Plural, name,
                    fieldManager: FieldManager, force: true, cancellationToken: cancellationToken);
                break;
            default:
                throw new NotSupportedException($"The harness does not apply {manifest.ApiVersion}/{manifest.Kind} ({ns}/{name}).");
        }
    }

    private static string Namespaced(IKubernetesObject<V1ObjectMeta> manifest) =>
        manifest.Metadata.NamespaceProperty is { Length: > 0 } ns
            ? ns
            : throw new ArgumentException($"{manifest.Kind} {manifest.Metadata.Name} has no namespace.", nameof(manifest));
}
