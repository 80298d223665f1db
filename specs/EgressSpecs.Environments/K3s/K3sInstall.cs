using System.Text;
using System.Text.Json.Nodes;
using EgressSpecs.Environments.Kubernetes;
using EgressSpecs.Environments.Local;
using k8s;
using k8s.Models;

namespace EgressSpecs.Environments.K3s;

/// <summary>A third party's place: its plan and the address the program's container got on the Docker network.</summary>
internal sealed record PlacedThirdParty(K3sThirdParty Party, string Address);

/// <summary>What the k3s target changes in <c>infra/</c> for its own third parties; nothing else is changed.</summary>
/// <param name="ProxyImage">The image imported into the node (pulled never).</param>
/// <param name="CaPem">The run's CA, which the proxy trusts through <c>Egress:TrustedCaFile</c>.</param>
/// <param name="ThirdPartyNamespace">Where the third parties' Services live.</param>
/// <param name="ThirdParties">The third parties and their addresses.</param>
internal sealed record K3sInstallPlan(string ProxyImage, string CaPem, string ThirdPartyNamespace, IReadOnlyList<PlacedThirdParty> ThirdParties);

/// <summary>
/// Turns <c>infra/</c>'s objects into what the k3s target applies: the allowlist ConfigMap lists the run's third
/// parties (pinned to their container addresses) and <c>*.corp.test</c> (resolved, so refused as internal); the
/// Deployment runs the imported image and trusts the run's CA from a Secret; the DNS ConfigMap gets a second
/// <c>*.override</c> key naming the third parties; an extra NetworkPolicy lets the proxy reach their addresses,
/// which the shipped policy refuses as private. Selector-less Services with EndpointSlices give them cluster names.
/// </summary>
internal static class K3sInstall
{
    public const string CaSecretName = "egress-specs-ca";
    public const string CaMountPath = "/etc/egress-ca";
    public const string CaFileName = "ca.pem";
    public const string ThirdPartyOverrideKey = "egress-specs-third-parties.override";
    public const string ThirdPartyPolicyName = "egress-specs-third-parties";

    public static IReadOnlyList<IKubernetesObject<V1ObjectMeta>> Prepare(IReadOnlyList<IKubernetesObject<V1ObjectMeta>> infra, K3sInstallPlan plan)
    {
        var prepared = new List<IKubernetesObject<V1ObjectMeta>>();
        foreach (var item in infra)
        {
            switch (item)
            {
                case V1ConfigMap { Metadata: { Name: EgressInstallNames.ConfigMap, NamespaceProperty: EgressInstallNames.Namespace } } allowlist:
                    allowlist.Data[EgressInstallNames.ConfigKey] = AllowlistJson(plan.ThirdParties);
                    break;
                case V1ConfigMap { Metadata: { Name: EgressInstallNames.DnsConfigMap, NamespaceProperty: EgressInstallNames.KubeSystem } } dns:
                    dns.Data[ThirdPartyOverrideKey] = ThirdPartyDnsRules(plan);
                    break;
                case V1Deployment { Metadata: { Name: EgressInstallNames.Deployment, NamespaceProperty: EgressInstallNames.Namespace } } deployment:
                    UseImageAndCa(deployment, plan.ProxyImage);
                    break;
            }

            prepared.Add(item);
        }

        Require(prepared, EgressInstallNames.ConfigMap, EgressInstallNames.DnsConfigMap, EgressInstallNames.Deployment);
        prepared.Add(CaSecret(plan.CaPem));
        prepared.Add(ThirdPartyPolicy(plan.ThirdParties));
        prepared.Add(RunNamespaceFor(plan.ThirdPartyNamespace));
        foreach (var placed in plan.ThirdParties)
        {
            prepared.Add(ThirdPartyService(placed, plan.ThirdPartyNamespace));
            prepared.Add(ThirdPartyEndpoints(placed, plan.ThirdPartyNamespace));
        }

        // As kubectl apply -k orders them: the CA Secret before the Deployment that mounts it, Services before their slices.
        return ApplyOrder.Sort(prepared);
    }

    /// <summary>
    /// The proxy's <c>egress.json</c>, the same list as the local target's: each allowed third party pinned to its address
    /// and port, <see cref="AddressPlan.DownHost"/> pinned where nothing listens, and <c>*.corp.test</c> unpinned.
    /// </summary>
    public static string AllowlistJson(IReadOnlyList<PlacedThirdParty> thirdParties)
    {
        var destinations = new JsonArray();
        foreach (var placed in thirdParties.Where(placed => placed.Party.Allowed))
        {
            destinations.Add(new JsonObject { ["Host"] = placed.Party.Host, ["Port"] = placed.Party.Port, ["Address"] = placed.Address });
        }

        // A third party that is down: listed, pinned to the program's address on a port where nothing listens.
        var programAddress = thirdParties.Select(placed => placed.Address).FirstOrDefault()
            ?? throw new ArgumentException("The k3s install needs at least one placed third party.", nameof(thirdParties));
        destinations.Add(new JsonObject { ["Host"] = AddressPlan.DownHost, ["Port"] = K3sThirdParty.DownPort, ["Address"] = programAddress });

        // Listed but not pinned: the proxy resolves it through the cluster DNS, gets a cluster address, and must refuse.
        destinations.Add(new JsonObject { ["Host"] = AddressPlan.InternalWildcard, ["Port"] = K3sThirdParty.FirstPort });
        return new JsonObject { ["Egress"] = new JsonObject { ["Destinations"] = destinations } }.ToJsonString() + "\n";
    }

    /// <summary>One exact rewrite per third party (CoreDNS reverts the answer of <c>exact</c> rules by itself).</summary>
    public static string ThirdPartyDnsRules(K3sInstallPlan plan)
    {
        var rules = new StringBuilder();
        foreach (var placed in plan.ThirdParties)
        {
            rules.Append($"rewrite stop name exact {placed.Party.Host}. {placed.Party.ServiceHost(plan.ThirdPartyNamespace)}\n");
        }

        return rules.ToString();
    }

    private static void UseImageAndCa(V1Deployment deployment, string image)
    {
        var pod = deployment.Spec.Template.Spec;
        var container = pod.Containers.FirstOrDefault(candidate => candidate.Name == EgressInstallNames.Deployment)
            ?? throw new InvalidDataException($"infra/: Deployment {EgressInstallNames.Deployment} has no container named {EgressInstallNames.Deployment}.");
        container.Image = image;
        container.ImagePullPolicy = "Never";
        container.Env ??= [];
        container.Env.Add(new V1EnvVar { Name = "Egress__TrustedCaFile", Value = $"{CaMountPath}/{CaFileName}" });
        container.VolumeMounts ??= [];
        container.VolumeMounts.Add(new V1VolumeMount { Name = CaSecretName, MountPath = CaMountPath, ReadOnlyProperty = true });
        pod.Volumes ??= [];
        pod.Volumes.Add(new V1Volume { Name = CaSecretName, Secret = new V1SecretVolumeSource { SecretName = CaSecretName } });
    }

    private static V1Secret CaSecret(string caPem) => new()
    {
        ApiVersion = "v1",
        Kind = "Secret",
        Metadata = new V1ObjectMeta { Name = CaSecretName, NamespaceProperty = EgressInstallNames.Namespace, Labels = ManagedBy() },
        StringData = new Dictionary<string, string> { [CaFileName] = caPem },
    };

    private static V1NetworkPolicy ThirdPartyPolicy(IReadOnlyList<PlacedThirdParty> thirdParties) => new()
    {
        ApiVersion = "networking.k8s.io/v1",
        Kind = "NetworkPolicy",
        Metadata = new V1ObjectMeta { Name = ThirdPartyPolicyName, NamespaceProperty = EgressInstallNames.Namespace, Labels = ManagedBy() },
        Spec = new V1NetworkPolicySpec
        {
            PodSelector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["app.kubernetes.io/name"] = EgressInstallNames.Deployment } },
            PolicyTypes = ["Egress"],
            Egress =
            [
                new V1NetworkPolicyEgressRule
                {
                    To = [.. thirdParties.Select(placed => placed.Address).Distinct().Select(address => new V1NetworkPolicyPeer { IpBlock = new V1IPBlock { Cidr = $"{address}/32" } })],
                    Ports = [.. thirdParties.Select(placed => placed.Party.Port).Append(K3sThirdParty.DownPort).Distinct()
                        .Select(port => new V1NetworkPolicyPort { Port = port, Protocol = "TCP" })],
                },
            ],
        },
    };

    private static V1Namespace RunNamespaceFor(string name) => new()
    {
        ApiVersion = "v1",
        Kind = "Namespace",
        Metadata = new V1ObjectMeta { Name = name, Labels = ManagedBy() },
    };

    private static V1Service ThirdPartyService(PlacedThirdParty placed, string ns) => new()
    {
        ApiVersion = "v1",
        Kind = "Service",
        Metadata = new V1ObjectMeta { Name = placed.Party.ServiceName, NamespaceProperty = ns, Labels = ManagedBy() },
        Spec = new V1ServiceSpec
        {
            // No selector: the EndpointSlice below names the container outside the cluster.
            // 443 as a real destination answers; the EndpointSlice sends it on to the role's container port.
            Ports = [new V1ServicePort { Name = "https", Port = 443, Protocol = "TCP" }],
        },
    };

    private static V1EndpointSlice ThirdPartyEndpoints(PlacedThirdParty placed, string ns) => new()
    {
        ApiVersion = "discovery.k8s.io/v1",
        Kind = "EndpointSlice",
        Metadata = new V1ObjectMeta
        {
            Name = placed.Party.ServiceName,
            NamespaceProperty = ns,
            Labels = new Dictionary<string, string>(ManagedBy())
            {
                // Ties the slice to the Service; "endpointslice.kubernetes.io/managed-by" must not claim the controller's name.
                ["kubernetes.io/service-name"] = placed.Party.ServiceName,
                ["endpointslice.kubernetes.io/managed-by"] = "egress-specs",
            },
        },
        AddressType = "IPv4",
        Endpoints = [new V1Endpoint { Addresses = [placed.Address], Conditions = new V1EndpointConditions { Ready = true } }],
        Ports = [new Discoveryv1EndpointPort { Name = "https", Port = placed.Party.Port, Protocol = "TCP" }],
    };

    private static Dictionary<string, string> ManagedBy() => new() { [RunNamespace.ManagedByLabel] = RunNamespace.ManagedByValue };

    private static void Require(List<IKubernetesObject<V1ObjectMeta>> objects, params string[] names)
    {
        foreach (var name in names)
        {
            if (!objects.Any(item => item.Metadata?.Name == name))
            {
                throw new InvalidDataException($"infra/ has no object named {name}; the k3s target needs it (see docs/clusters.md).");
            }
        }
    }
}
