using k8s;
using k8s.Models;

namespace EgressSpecs.Infra.Tests;

public sealed class ManifestLoadingTests
{
    public static TheoryData<string> Manifests => new(InfraFiles.Manifests);

    [Theory]
    [MemberData(nameof(Manifests))]
    public void LoadAllFromString_Strict_EveryObjectBecomesATypedModel(string manifest)
    {
        // Given
        var path = InfraFiles.PathOf(manifest);

        // When
        var objects = InfraFiles.LoadStrict(manifest);

        // Then
        Assert.NotEmpty(objects);
        Assert.All(objects, item => Assert.IsAssignableFrom<IKubernetesObject<V1ObjectMeta>>(item));
        Assert.True(File.Exists(path));
    }

    [Fact]
    public void LoadAllFromString_StrictWithUnknownField_Throws()
    {
        // Given: the guard the test above relies on, shown to bite on a misspelt field.
        var manifest = "apiVersion: v1\nkind: Service\nmetadata:\n  name: proxy\nspec:\n  selectr:\n    app: x\n";

        // When
        var exception = Record.Exception(() => KubernetesYaml.LoadAllFromString(manifest, typeMap: null, strict: true));

        // Then
        Assert.NotNull(exception);
    }

    [Theory]
    [MemberData(nameof(Manifests))]
    public void Manifest_EveryObject_HasAName(string manifest)
    {
        // Given
        var objects = InfraFiles.LoadStrict(manifest).Cast<IKubernetesObject<V1ObjectMeta>>();

        // When
        var unnamed = objects.Where(item => string.IsNullOrEmpty(item.Metadata?.Name)).ToList();

        // Then
        Assert.Empty(unnamed);
    }
}
