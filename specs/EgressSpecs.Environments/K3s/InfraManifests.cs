using k8s;
using k8s.Models;
using YamlDotNet.Serialization;

namespace EgressSpecs.Environments.K3s;

/// <summary>
/// The objects of <c>infra/</c> as <c>kubectl kustomize infra</c> would list them: the files named by
/// <c>infra/kustomization.yaml</c>'s <c>resources</c>, each loaded into KubernetesClient's typed models.
/// </summary>
internal static class InfraManifests
{
    public static IReadOnlyList<IKubernetesObject<V1ObjectMeta>> Load(string infraDirectory)
    {
        var kustomization = new DeserializerBuilder().IgnoreUnmatchedProperties().Build()
            .Deserialize<Kustomization>(File.ReadAllText(Path.Combine(infraDirectory, "kustomization.yaml")));
        var objects = new List<IKubernetesObject<V1ObjectMeta>>();
        foreach (var resource in kustomization.Resources ?? [])
        {
            objects.AddRange(LoadFile(Path.Combine(infraDirectory, resource)));
        }

        return objects;
    }

    public static IEnumerable<IKubernetesObject<V1ObjectMeta>> LoadFile(string path)
    {
        // KubernetesYaml throws on empty documents (a stray '---'): split and skip them.
        foreach (var document in File.ReadAllText(path).Split("\n---"))
        {
            if (document.Split('\n').All(line => line.Trim().Length == 0 || line.TrimStart().StartsWith('#')))
            {
                continue;
            }

            foreach (var item in KubernetesYaml.LoadAllFromString(document))
            {
                yield return item as IKubernetesObject<V1ObjectMeta>
                    ?? throw new InvalidDataException($"{path}: {item?.GetType().Name ?? "an empty document"} is not a Kubernetes object with metadata.");
            }
        }
    }

    private sealed class Kustomization
    {
        [YamlMember(Alias = "resources")]
        public List<string>? Resources { get; set; }
    }
}
