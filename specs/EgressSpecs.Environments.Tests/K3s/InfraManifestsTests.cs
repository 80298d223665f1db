using EgressSpecs.Environments.K3s;
using k8s.Models;

namespace EgressSpecs.Environments.Tests.K3s;

public sealed class InfraManifestsTests
{
    [Fact]
    public void Load_Kustomization_LoadsEveryResourceIntoTypedModels()
    {
        // Given
        var infra = InfraFixture.Repository.InfraDirectory;

        // When
        var objects = InfraManifests.Load(infra);

        // Then
        Assert.Contains(objects, item => item is V1Namespace { Metadata.Name: "egress" });
        Assert.Contains(objects, item => item is V1Deployment { Metadata.Name: "egress-proxy" });
        Assert.Contains(objects, item => item is V1ConfigMap { Metadata.Name: "egress-proxy-config" });
        Assert.Contains(objects, item => item is V1ConfigMap { Metadata: { Name: "coredns-custom", NamespaceProperty: "kube-system" } });
        Assert.Contains(objects, item => item is V1Service { Metadata.Name: "proxy" });
        Assert.Contains(objects, item => item is V1NetworkPolicy);
    }

    [Fact]
    public void LoadFile_EmptyDocuments_AreSkipped()
    {
        // Given
        var path = Path.Combine(Path.GetTempPath(), $"egress-specs-infra-{Guid.NewGuid():N}.yml");
        File.WriteAllText(path, "# comment only\n---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: a\n---\n\n---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: b\n");

        try
        {
            // When
            var objects = InfraManifests.LoadFile(path).ToList();

            // Then
            Assert.Equal(["a", "b"], objects.Select(item => item.Metadata.Name));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
