using k8s.Models;

namespace EgressSpecs.Infra.Tests;

/// <summary>Defect 3 of the proof of concept (broken wiring), checked on our manifests.</summary>
public sealed class InstallWiringTests
{
    // The proof of concept's mistake, reduced to the two objects involved.
    private const string SeedLikeWiring = """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: coredns
          namespace: kube-system
        data:
          Corefile: ".:53 {}"
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: coredns
          namespace: kube-system
        spec:
          selector:
            matchLabels:
              k8s-app: coredns
          template:
            metadata:
              labels:
                k8s-app: coredns
            spec:
              containers:
                - name: coredns
                  image: coredns/coredns:1.11.3
              volumes:
                - name: config-volume
                  configMap:
                    name: coredns-coredns
        """;

    [Fact]
    public void ConfigMapVolumes_NameConfigMapsOfTheInstall()
    {
        // Given
        var objects = InstallWiring.ShippedObjects();

        // When
        var missing = InstallWiring.MissingMountedConfigMaps(objects);

        // Then
        Assert.NotEmpty(objects.OfType<V1Deployment>());
        Assert.Empty(missing);
    }

    [Fact]
    public void MissingMountedConfigMaps_SeedLikeWiring_FindsTheMisnamedConfigMap()
    {
        // Given: the check above, shown to bite on the proof of concept's wiring.
        var objects = InstallWiring.Parse(SeedLikeWiring);

        // When
        var missing = InstallWiring.MissingMountedConfigMaps(objects);

        // Then
        Assert.Equal(["kube-system/coredns-coredns"], missing);
    }

    [Fact]
    public void Install_HasNoKubeDnsConfiguration()
    {
        // Given: kube-dns stubDomains take IP addresses only, and CoreDNS ignores the kube-dns
        // ConfigMap anyway; our rule reaches CoreDNS only through k3s's coredns-custom import.
        var objects = InstallWiring.ShippedObjects();

        // When
        var kubeSystemConfigMaps = objects.OfType<V1ConfigMap>()
            .Where(configMap => configMap.Metadata.NamespaceProperty == "kube-system")
            .Select(configMap => configMap.Metadata.Name);
        var stubDomains = objects.OfType<V1ConfigMap>().Where(configMap => configMap.Data?.ContainsKey("stubDomains") == true);

        // Then
        Assert.Equal(["coredns-custom"], kubeSystemConfigMaps);
        Assert.Empty(stubDomains);
    }
}
