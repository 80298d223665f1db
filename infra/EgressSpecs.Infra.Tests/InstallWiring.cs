using k8s;
using k8s.Models;

namespace EgressSpecs.Infra.Tests;

/// <summary>
/// Cross-object checks over a set of manifests: the kind of mistake the proof of concept shipped
/// (its Deployment mounted ConfigMap <c>coredns-coredns</c> while the ConfigMap it installed was
/// <c>coredns</c>), which no single-object test sees.
/// </summary>
internal static class InstallWiring
{
    /// <summary>"namespace/name" of every ConfigMap a pod template mounts that the objects do not contain.</summary>
    public static IReadOnlyList<string> MissingMountedConfigMaps(IReadOnlyCollection<object> objects)
    {
        var installed = objects.OfType<V1ConfigMap>().Select(configMap => Key(configMap.Metadata)).ToHashSet(StringComparer.Ordinal);
        return objects.OfType<V1Deployment>()
            .SelectMany(deployment => (deployment.Spec.Template.Spec.Volumes ?? [])
                .Where(volume => volume.ConfigMap is not null && volume.ConfigMap.Optional != true)
                .Select(volume => $"{deployment.Metadata.NamespaceProperty ?? "default"}/{volume.ConfigMap.Name}"))
            .Where(mounted => !installed.Contains(mounted))
            .ToList();
    }

    /// <summary>Every manifest the repository ships, loaded strictly, as one install.</summary>
    public static List<object> ShippedObjects() => InfraFiles.Manifests.SelectMany(InfraFiles.LoadStrict).ToList();

    /// <summary>Parses manifest text the way the shipped files are parsed.</summary>
    public static List<object> Parse(string yaml) => KubernetesYaml.LoadAllFromString(yaml, typeMap: null, strict: true);

    private static string Key(V1ObjectMeta metadata) => $"{metadata.NamespaceProperty ?? "default"}/{metadata.Name}";
}
