using k8s.Models;

namespace EgressSpecs.Infra.Tests;

public sealed class NetworkPolicyTests
{
    private static readonly string[] InternalRanges =
        ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10", "169.254.0.0/16", "127.0.0.0/8"];

    private static V1NetworkPolicy ProxyPolicy => InfraFiles.Single<V1NetworkPolicy>("network-policy.yml");

    private static V1NetworkPolicy AppPolicy => InfraFiles.Single<V1NetworkPolicy>("app-namespace/network-policy.yml");

    [Fact]
    public void ProxyPolicy_SelectsTheProxyPodsInEgressForBothDirections()
    {
        // Given
        var policy = ProxyPolicy;

        // When
        var podLabels = EgressInstall.Deployment.Spec.Template.Metadata.Labels;

        // Then
        Assert.Equal("egress", policy.Metadata.NamespaceProperty);
        Assert.All(policy.Spec.PodSelector.MatchLabels, label => Assert.Equal(label.Value, podLabels[label.Key]));
        Assert.Equal(["Ingress", "Egress"], policy.Spec.PolicyTypes);
    }

    [Fact]
    public void ProxyPolicy_ReachesInternetOnlyOn443ExceptInternalRanges()
    {
        // Given
        var policy = ProxyPolicy;

        // When
        var internet = Assert.Single(policy.Spec.Egress, rule => rule.To?.Any(peer => peer.IpBlock is not null) == true);
        var block = Assert.Single(internet.To).IpBlock;

        // Then
        Assert.Equal("0.0.0.0/0", block.Cidr);
        Assert.Equal(InternalRanges.Order(), block.Except.Order());
        var port = Assert.Single(internet.Ports);
        Assert.Equal(("443", "TCP"), (port.Port.Value, port.Protocol));
    }

    [Fact]
    public void ProxyPolicy_ReachesClusterDnsOnPort53UdpAndTcp()
    {
        // Given
        var policy = ProxyPolicy;

        // When
        var dns = Assert.Single(policy.Spec.Egress, IsClusterDnsRule);

        // Then
        Assert.Equal(["TCP/53", "UDP/53"], dns.Ports.Select(port => $"{port.Protocol}/{port.Port.Value}").Order());
    }

    [Fact]
    public void ProxyPolicy_ReachesLinkerdControlPlane()
    {
        // Given
        var policy = ProxyPolicy;

        // When
        var linkerd = policy.Spec.Egress.Where(rule => rule.To?.Any(peer =>
            Label(peer.NamespaceSelector, "kubernetes.io/metadata.name") == "linkerd") == true);

        // Then
        Assert.Single(linkerd);
    }

    [Fact]
    public void ProxyPolicy_AdmitsOnlyProxyAndLinkerdPorts()
    {
        // Given
        var policy = ProxyPolicy;

        // When
        var ports = policy.Spec.Ingress.SelectMany(rule => rule.Ports ?? []).Select(port => port.Port.Value).Order();

        // Then
        Assert.All(policy.Spec.Ingress, rule => Assert.NotEmpty(rule.Ports ?? []));
        Assert.Equal(["4143", "4191", "8080", "9090"], ports);
    }

    [Fact]
    public void ProxyPolicy_AdmitsTheDeploymentsContainerPorts()
    {
        // Given
        var admitted = ProxyPolicy.Spec.Ingress.SelectMany(rule => rule.Ports ?? []).Select(port => port.Port.Value).ToHashSet();

        // When
        var containerPorts = EgressInstall.Container.Ports.Select(port => port.ContainerPort.ToString(System.Globalization.CultureInfo.InvariantCulture));

        // Then
        Assert.All(containerPorts, port => Assert.Contains(port, admitted));
    }

    [Fact]
    public void AppPolicy_IsNamespaceLessSoItAppliesToAnyAppNamespace()
    {
        // Given
        var policy = AppPolicy;

        // When
        var selectsAllPods = policy.Spec.PodSelector.MatchLabels is null or { Count: 0 };

        // Then
        Assert.Null(policy.Metadata.NamespaceProperty);
        Assert.True(selectsAllPods);
        Assert.Equal(["Egress"], policy.Spec.PolicyTypes);
    }

    [Fact]
    public void AppPolicy_AllowsClusterDns()
    {
        // Given
        var policy = AppPolicy;

        // When
        var dns = Assert.Single(policy.Spec.Egress, IsClusterDnsRule);

        // Then
        Assert.Contains(dns.Ports, port => port.Protocol == "UDP" && port.Port.Value == "53");
    }

    [Fact]
    public void AppPolicy_AllowsOnlyPodsSoNothingOutsideTheCluster()
    {
        // Given
        var policy = AppPolicy;

        // When
        var peers = policy.Spec.Egress.SelectMany(rule => rule.To ?? []).ToList();

        // Then
        Assert.All(policy.Spec.Egress, rule => Assert.NotEmpty(rule.To ?? []));
        Assert.All(peers, peer => Assert.Null(peer.IpBlock));
        Assert.Contains(peers, peer => peer.NamespaceSelector is { MatchLabels: null or { Count: 0 }, MatchExpressions: null } && peer.PodSelector is null);
    }

    private static bool IsClusterDnsRule(V1NetworkPolicyEgressRule rule) =>
        rule.To?.Any(peer =>
            Label(peer.NamespaceSelector, "kubernetes.io/metadata.name") == "kube-system"
            && Label(peer.PodSelector, "k8s-app") == "kube-dns") == true;

    private static string? Label(V1LabelSelector? selector, string key) =>
        selector?.MatchLabels is { } labels && labels.TryGetValue(key, out var value) ? value : null;
}
