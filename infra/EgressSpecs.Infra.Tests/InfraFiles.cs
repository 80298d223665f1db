using k8s;

namespace EgressSpecs.Infra.Tests;

/// <summary>Finds infra/ from the test's output folder and loads its manifests strictly.</summary>
internal static class InfraFiles
{
    public static readonly string[] Manifests = ["egress.yml", "coredns-custom.yml", "network-policy.yml", "app-namespace/network-policy.yml"];

    public static readonly string[] KustomizeResources = ["egress.yml", "coredns-custom.yml", "network-policy.yml"];

    private static readonly Lazy<string> InfraDirectory = new(FindInfraDirectory);

    public static string Directory => InfraDirectory.Value;

    public static string PathOf(string relativePath) => Path.Combine(Directory, relativePath);

    /// <summary>
    /// KubernetesYaml with strict = true: unknown fields and duplicate keys throw instead of being
    /// dropped, so a typo in a manifest fails the tests.
    /// </summary>
    public static List<object> LoadStrict(string relativePath) =>
        KubernetesYaml.LoadAllFromString(File.ReadAllText(PathOf(relativePath)), typeMap: null, strict: true);

    public static T Single<T>(string relativePath) => Assert.Single(LoadStrict(relativePath).OfType<T>());

    private static string FindInfraDirectory()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "infra");
            if (File.Exists(Path.Combine(candidate, "kustomization.yaml")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException($"No infra/kustomization.yaml above {AppContext.BaseDirectory}.");
    }
}
