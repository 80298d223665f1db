using System.Text.Json;
using k8s.Models;

namespace EgressSpecs.Infra.Tests;

public sealed class EgressInstallTests
{
    private const string InboundPolicy = "config.linkerd.io/default-inbound-policy";

    [Fact]
    public void Namespace_IsEgressAndMeshed()
    {
        // Given
        var ns = EgressInstall.Namespace;

        // When
        var annotations = ns.Metadata.Annotations;

        // Then
        Assert.Equal("egress", ns.Metadata.Name);
        Assert.Equal("enabled", annotations["linkerd.io/inject"]);
    }

    [Fact]
    public void Namespace_ServesOnlyAuthenticatedClients()
    {
        // Given
        var ns = EgressInstall.Namespace;

        // When
        var policy = ns.Metadata.Annotations[InboundPolicy];

        // Then
        Assert.Equal("all-authenticated", policy);
    }

    [Fact]
    public void AllowlistConfigMap_HoldsEgressJsonWithDestinations()
    {
        // Given
        var configMap = EgressInstall.ConfigMap;

        // When
        using var json = JsonDocument.Parse(configMap.Data["egress.json"]);
        var destinations = json.RootElement.GetProperty("Egress").GetProperty("Destinations");

        // Then
        Assert.Equal(("egress-proxy-config", "egress"), (configMap.Metadata.Name, configMap.Metadata.NamespaceProperty));
        Assert.NotEqual(0, destinations.GetArrayLength());
        Assert.All(destinations.EnumerateArray(), destination => Assert.False(string.IsNullOrEmpty(destination.GetProperty("Host").GetString())));
    }

    [Fact]
    public void Deployment_RunsAtLeastTwoReplicas()
    {
        // Given
        var deployment = EgressInstall.Deployment;

        // When
        var replicas = deployment.Spec.Replicas;

        // Then
        Assert.Equal(("egress-proxy", "egress"), (deployment.Metadata.Name, deployment.Metadata.NamespaceProperty));
        Assert.True(replicas >= 2, $"replicas is {replicas}");
    }

    [Fact]
    public void Deployment_UsesPinnedImageWithoutForcedPull()
    {
        // Given
        var container = EgressInstall.Container;

        // When
        var (image, pullPolicy) = (container.Image, container.ImagePullPolicy);

        // Then
        Assert.Equal("egressspecs/egress-proxy:0.1.0", image);
        Assert.Equal("IfNotPresent", pullPolicy);
    }

    [Fact]
    public void Deployment_ExposesHttpAndAdminPortsByName()
    {
        // Given
        var container = EgressInstall.Container;

        // When
        var ports = container.Ports.ToDictionary(port => port.Name, port => port.ContainerPort);

        // Then
        Assert.Equal(new Dictionary<string, int> { ["http"] = 8080, ["admin"] = 9090 }, ports);
    }

    [Fact]
    public void Deployment_ReadsAllowlistFileWithPollingWatcher()
    {
        // Given
        var container = EgressInstall.Container;

        // When
        var env = container.Env.ToDictionary(variable => variable.Name, variable => variable.Value);

        // Then
        Assert.Equal("/etc/egress/egress.json", env["EGRESS_CONFIG_FILE"]);
        Assert.Equal("true", env["DOTNET_USE_POLLING_FILE_WATCHER"]);
    }

    [Fact]
    public void Deployment_MountsAllowlistConfigMapReadOnlyAtEtcEgress()
    {
        // Given
        var (pod, container) = (EgressInstall.Pod, EgressInstall.Container);

        // When
        var mount = Assert.Single(container.VolumeMounts, m => m.MountPath == "/etc/egress");
        var volume = Assert.Single(pod.Volumes, v => v.Name == mount.Name);

        // Then
        Assert.True(mount.ReadOnlyProperty);
        Assert.Equal(EgressInstall.ConfigMap.Metadata.Name, volume.ConfigMap.Name);
    }

    [Fact]
    public void Deployment_HasWritableTmpOnEmptyDir()
    {
        // Given
        var (pod, container) = (EgressInstall.Pod, EgressInstall.Container);

        // When
        var mount = Assert.Single(container.VolumeMounts, m => m.MountPath == "/tmp");

        // Then
        Assert.NotNull(Assert.Single(pod.Volumes, v => v.Name == mount.Name).EmptyDir);
    }

    [Fact]
    public void Deployment_ProbesReadinessAndLivenessOnAdminPort()
    {
        // Given
        var container = EgressInstall.Container;

        // When
        var (readiness, liveness) = (container.ReadinessProbe.HttpGet, container.LivenessProbe.HttpGet);

        // Then
        Assert.Equal(("/readyz", "admin"), (readiness.Path, readiness.Port.Value));
        Assert.Equal(("/healthz", "admin"), (liveness.Path, liveness.Port.Value));
    }

    [Fact]
    public void Deployment_SetsResourceRequestsAndLimits()
    {
        // Given
        var resources = EgressInstall.Container.Resources;

        // When
        string[] kinds = ["cpu", "memory"];

        // Then
        Assert.All(kinds, kind => Assert.True(resources.Requests.ContainsKey(kind), $"no {kind} request"));
        Assert.All(kinds, kind => Assert.True(resources.Limits.ContainsKey(kind), $"no {kind} limit"));
    }

    [Fact]
    public void Deployment_RunsAsNonRootWithRuntimeDefaultSeccomp()
    {
        // Given
        var (pod, container) = (EgressInstall.Pod.SecurityContext, EgressInstall.Container.SecurityContext);

        // When
        var user = container.RunAsUser ?? pod.RunAsUser;

        // Then
        Assert.True(pod.RunAsNonRoot);
        Assert.True(container.RunAsNonRoot);
        Assert.True(user > 0, $"runAsUser is {user}");
        Assert.Equal("RuntimeDefault", pod.SeccompProfile.Type);
        Assert.Equal("RuntimeDefault", container.SeccompProfile.Type);
    }

    [Fact]
    public void Deployment_HasReadOnlyRootFilesystem()
    {
        // Given
        var securityContext = EgressInstall.Container.SecurityContext;

        // When
        var readOnly = securityContext.ReadOnlyRootFilesystem;

        // Then
        Assert.True(readOnly);
    }

    [Fact]
    public void Deployment_ForbidsPrivilegeEscalationAndDropsAllCapabilities()
    {
        // Given
        var securityContext = EgressInstall.Container.SecurityContext;

        // When
        var dropped = securityContext.Capabilities.Drop;

        // Then
        Assert.False(securityContext.AllowPrivilegeEscalation);
        Assert.Equal(["ALL"], dropped);
        Assert.Null(securityContext.Capabilities.Add);
    }

    [Fact]
    public void Deployment_PodsAreMeshedAndServeOnlyAuthenticatedClients()
    {
        // Given
        var annotations = EgressInstall.Deployment.Spec.Template.Metadata.Annotations;

        // When
        var (inject, policy) = (annotations["linkerd.io/inject"], annotations[InboundPolicy]);

        // Then
        Assert.Equal("enabled", inject);
        Assert.Equal("all-authenticated", policy);
    }

    [Fact]
    public void Deployment_SpreadsReplicasAcrossNodes()
    {
        // Given
        var pod = EgressInstall.Pod;
        var podLabels = EgressInstall.Deployment.Spec.Template.Metadata.Labels;

        // When
        var spread = Assert.Single(pod.TopologySpreadConstraints ?? [], c => c.TopologyKey == "kubernetes.io/hostname");

        // Then
        Assert.All(spread.LabelSelector.MatchLabels, label => Assert.Equal(label.Value, podLabels[label.Key]));
    }

    [Fact]
    public void Deployment_GracePeriodCoversReadinessDelayAndDrain()
    {
        // Given: the proxy reports not-ready for 5 s after SIGTERM, then drains for up to 30 s.
        const int readinessDelaySeconds = 5;
        const int drainSeconds = 30;

        // When
        var grace = EgressInstall.Pod.TerminationGracePeriodSeconds;

        // Then
        Assert.True(grace > readinessDelaySeconds + drainSeconds, $"terminationGracePeriodSeconds is {grace}");
    }

    [Fact]
    public void Deployment_SelectorMatchesPodTemplateLabels()
    {
        // Given
        var deployment = EgressInstall.Deployment;

        // When
        var labels = deployment.Spec.Template.Metadata.Labels;

        // Then
        Assert.All(deployment.Spec.Selector.MatchLabels, label => Assert.Equal(label.Value, labels[label.Key]));
    }

    [Fact]
    public void Service_IsProxyInEgressOnPort80ToHttpPort()
    {
        // Given
        var service = EgressInstall.Service;

        // When
        var http = Assert.Single(service.Spec.Ports, port => port.Port == 80);

        // Then
        Assert.Equal(("proxy", "egress"), (service.Metadata.Name, service.Metadata.NamespaceProperty));
        Assert.Equal("http", http.TargetPort.Value);
    }

    [Fact]
    public void Service_ExposesAdminPortForScraping()
    {
        // Given
        var service = EgressInstall.Service;

        // When
        var admin = Assert.Single(service.Spec.Ports, port => port.Name == "admin");

        // Then
        Assert.Equal((9090, "admin"), (admin.Port, admin.TargetPort.Value));
    }

    [Fact]
    public void Service_SelectsTheProxyPods()
    {
        // Given
        var service = EgressInstall.Service;

        // When
        var podLabels = EgressInstall.Deployment.Spec.Template.Metadata.Labels;

        // Then
        Assert.NotEmpty(service.Spec.Selector);
        Assert.All(service.Spec.Selector, label => Assert.Equal(label.Value, podLabels[label.Key]));
    }

    [Fact]
    public void DisruptionBudget_KeepsOneProxyAvailable()
    {
        // Given
        var budget = EgressInstall.DisruptionBudget;

        // When
        var podLabels = EgressInstall.Deployment.Spec.Template.Metadata.Labels;

        // Then
        Assert.Equal("1", budget.Spec.MinAvailable.Value);
        Assert.Equal("egress", budget.Metadata.NamespaceProperty);
        Assert.All(budget.Spec.Selector.MatchLabels, label => Assert.Equal(label.Value, podLabels[label.Key]));
    }
}
