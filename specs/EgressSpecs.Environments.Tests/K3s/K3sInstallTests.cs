using System.Text.Json;
using EgressSpecs.Dns.Rewrite;
using EgressSpecs.Environments.K3s;
using EgressSpecs.Environments.Kubernetes;
using k8s;
using k8s.Models;

namespace EgressSpecs.Environments.Tests.K3s;

public sealed class K3sInstallTests
{
    private const string ThirdPartyNamespace = "egress-specs-third-parties-abc123";

    private static readonly K3sInstallPlan Plan = new(
        "egress-specs/proxy:abc123",
        "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n",
        ThirdPartyNamespace,
        [.. K3sThirdParty.All.Select((party, index) => new PlacedThirdParty(party, $"172.18.0.{index + 10}"))]);

    [Fact]
    public void Prepare_Allowlist_PinsEachAllowedThirdPartyAndLeavesOutTheUnlisted()
    {
        // Given
        var infra = InfraManifests.Load(InfraFixture.Repository.InfraDirectory);

        // When
        var prepared = K3sInstall.Prepare(infra, Plan);

        // Then
        var json = prepared.OfType<V1ConfigMap>().Single(map => map.Metadata.Name == "egress-proxy-config").Data["egress.json"];
        var destinations = JsonDocument.Parse(json).RootElement.GetProperty("Egress").GetProperty("Destinations").EnumerateArray().ToList();
        var hosts = destinations.Select(destination => destination.GetProperty("Host").GetString()).ToList();
        Assert.Contains("api.example.test", hosts);
        Assert.DoesNotContain("unlisted.example.test", hosts);
        Assert.DoesNotContain("api.github.com", hosts);
        var api = destinations.Single(destination => destination.GetProperty("Host").GetString() == "api.example.test");
        Assert.Equal(K3sThirdParty.All.Single(party => party.Role == ThirdPartyRole.Api).Port, api.GetProperty("Port").GetInt32());
        var down = destinations.Single(destination => destination.GetProperty("Host").GetString() == "down.example.test");
        Assert.Equal(K3sThirdParty.DownPort, down.GetProperty("Port").GetInt32());
        Assert.Equal(Plan.ThirdParties.Single(placed => placed.Party.Role == ThirdPartyRole.Api).Address, api.GetProperty("Address").GetString());
        var corp = destinations.Single(destination => destination.GetProperty("Host").GetString() == "*.corp.test");
        Assert.False(corp.TryGetProperty("Address", out _));
    }

    [Fact]
    public void Prepare_Deployment_RunsTheImportedImageAndTrustsTheRunsCa()
    {
        // Given
        var infra = InfraManifests.Load(InfraFixture.Repository.InfraDirectory);

        // When
        var prepared = K3sInstall.Prepare(infra, Plan);

        // Then
        var deployment = prepared.OfType<V1Deployment>().Single();
        var container = deployment.Spec.Template.Spec.Containers.Single(candidate => candidate.Name == "egress-proxy");
        Assert.Equal("egress-specs/proxy:abc123", container.Image);
        Assert.Equal("Never", container.ImagePullPolicy);
        Assert.Contains(container.Env, env => env.Name == "Egress__TrustedCaFile" && env.Value == "/etc/egress-ca/ca.pem");
        Assert.Contains(container.VolumeMounts, mount => mount.MountPath == "/etc/egress-ca" && mount.ReadOnlyProperty == true);
        Assert.Contains(deployment.Spec.Template.Spec.Volumes, volume => volume.Secret?.SecretName == K3sInstall.CaSecretName);
        var secret = prepared.OfType<V1Secret>().Single();
        Assert.Equal(Plan.CaPem, secret.StringData["ca.pem"]);
        Assert.Equal("egress", secret.Metadata.NamespaceProperty);
        Assert.Equal(2, deployment.Spec.Replicas);
    }

    [Fact]
    public void Prepare_DnsConfigMap_KeepsTheShippedRuleAndNamesEachThirdParty()
    {
        // Given
        var infra = InfraManifests.Load(InfraFixture.Repository.InfraDirectory);
        var shipped = infra.OfType<V1ConfigMap>().Single(map => map.Metadata.Name == "coredns-custom").Data["egress.override"];

        // When
        var prepared = K3sInstall.Prepare(infra, Plan);

        // Then
        var data = prepared.OfType<V1ConfigMap>().Single(map => map.Metadata.Name == "coredns-custom").Data;
        Assert.Equal(shipped, data["egress.override"]);
        var rules = RewriteRuleSet.Parse(data[K3sInstall.ThirdPartyOverrideKey]);
        var outcome = rules.Rewrite("api.example.test.");
        Assert.Equal($"api.{ThirdPartyNamespace}.svc.cluster.local.", outcome.RewrittenName);
        Assert.Equal("api.example.test.", outcome.RevertOwnerName($"api.{ThirdPartyNamespace}.svc.cluster.local."));
        Assert.False(rules.Rewrite("api.example.test.egress.local.").IsRewritten);
    }

    [Fact]
    public void Prepare_ExtraObjects_LetTheProxyReachTheContainersAndNameThemInTheCluster()
    {
        // Given
        var infra = InfraManifests.Load(InfraFixture.Repository.InfraDirectory);

        // When
        var prepared = K3sInstall.Prepare(infra, Plan);

        // Then
        Assert.IsType<V1Namespace>(prepared[0]);
        var policy = prepared.OfType<V1NetworkPolicy>().Single(candidate => candidate.Metadata.Name == K3sInstall.ThirdPartyPolicyName);
        Assert.Equal("egress-proxy", policy.Spec.PodSelector.MatchLabels["app.kubernetes.io/name"]);
        Assert.Equal(Plan.ThirdParties.Select(placed => $"{placed.Address}/32"), policy.Spec.Egress.Single().To.Select(peer => peer.IpBlock.Cidr));
        var slice = prepared.OfType<V1EndpointSlice>().Single(candidate => candidate.Metadata.Name == "api");
        Assert.Equal("api", slice.Metadata.Labels["kubernetes.io/service-name"]);
        Assert.Equal(ThirdPartyNamespace, slice.Metadata.NamespaceProperty);
        var service = prepared.OfType<V1Service>().Single(candidate => candidate.Metadata.Name == "api");
        Assert.Null(service.Spec.Selector);
        Assert.Equal(443, service.Spec.Ports.Single().Port);
        Assert.Equal(K3sThirdParty.All.Count, prepared.OfType<V1EndpointSlice>().Count());
    }

    [Fact]
    public void Prepare_Order_IsKustomizes_NamespacesFirstTheCaSecretBeforeTheDeploymentServicesBeforeTheirSlices()
    {
        // Given
        var infra = InfraManifests.Load(InfraFixture.Repository.InfraDirectory);

        // When
        var prepared = K3sInstall.Prepare(infra, Plan).ToList();

        // Then
        var kinds = prepared.Select(item => item.Kind).ToList();
        var namespaces = prepared.OfType<V1Namespace>().ToList();
        Assert.Equal(2, namespaces.Count);
        Assert.Equal(namespaces, prepared.Take(namespaces.Count));
        Assert.True(prepared.IndexOf(prepared.OfType<V1Secret>().Single()) < prepared.IndexOf(prepared.OfType<V1Deployment>().Single()));
        Assert.True(kinds.LastIndexOf("ConfigMap") < kinds.IndexOf("Deployment"));
        Assert.True(kinds.LastIndexOf("Service") < kinds.IndexOf("EndpointSlice"));
        Assert.Equal(ApplyOrder.Sort(prepared), prepared);
    }

    [Fact]
    public void Prepare_Objects_SerializeForServerSideApply()
    {
        // Given
        var infra = InfraManifests.Load(InfraFixture.Repository.InfraDirectory);

        // When
        var prepared = K3sInstall.Prepare(infra, Plan);

        // Then
        Assert.All(prepared, item =>
        {
            var json = KubernetesJson.Serialize(item);
            Assert.Contains("\"apiVersion\":", json);
            Assert.Contains("\"kind\":", json);
            Assert.False(string.IsNullOrEmpty(item.Metadata.Name));
        });
    }

    [Fact]
    public void All_ThirdParties_MirrorTheLocalTargetsRolesAndCertificates()
    {
        // Given
        var parties = K3sThirdParty.All;

        // When
        var byRole = parties.ToDictionary(party => party.Role);

        // Then
        Assert.Equal(Enum.GetValues<ThirdPartyRole>().Order(), byRole.Keys.Order());
        Assert.Equal(parties.Count, parties.Select(party => party.Port).Distinct().Count());
        Assert.DoesNotContain(K3sThirdParty.DownPort, parties.Select(party => party.Port));
        Assert.DoesNotContain(K3sThirdParty.ObservationPort, parties.Select(party => party.Port));
        Assert.False(byRole[ThirdPartyRole.Unlisted].Allowed);
        Assert.False(byRole[ThirdPartyRole.InternalService].Allowed);
        Assert.True(byRole[ThirdPartyRole.Api].Allowed);
        Assert.Equal("api", byRole[ThirdPartyRole.Api].ServiceName);
    }
}
