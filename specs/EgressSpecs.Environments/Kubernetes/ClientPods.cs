using k8s.Models;

namespace EgressSpecs.Environments.Kubernetes;

/// <summary>
/// The app pods of a run: a meshed one (Linkerd injects its sidecar) with curl and glibc's getent, and an unmeshed one
/// (injection disabled) with the same app container plus <c>dig</c>. Both only sleep: every action is an exec.
/// </summary>
internal static class ClientPods
{
    public const string MeshedName = "meshed-app";
    public const string UnmeshedName = "unmeshed-app";
    public const string AppContainer = "app";
    public const string DigContainer = "dig";

    public static V1Pod Meshed(string ns) => Pod(ns, MeshedName, inject: true, [AppContainerSpec()]);

    public static V1Pod Unmeshed(string ns) => Pod(ns, UnmeshedName, inject: false, [AppContainerSpec(), DigContainerSpec()]);

    private static V1Pod Pod(string ns, string name, bool inject, IList<V1Container> containers) => new()
    {
        ApiVersion = "v1",
        Kind = "Pod",
        Metadata = new V1ObjectMeta
        {
            Name = name,
            NamespaceProperty = ns,
            Labels = new Dictionary<string, string>
            {
                ["app.kubernetes.io/name"] = name,
                [RunNamespace.ManagedByLabel] = RunNamespace.ManagedByValue,
            },
            Annotations = new Dictionary<string, string>
            {
                ["linkerd.io/inject"] = inject ? "enabled" : "disabled",

                // Off by default: without it Linkerd's route metrics leave the egress name out (hostname="").
                [LinkerdOutboundMetrics.HostnameLabelsAnnotation] = "true",
            },
        },
        Spec = new V1PodSpec
        {
            Containers = containers,
            RestartPolicy = "Always",
            // The containers only sleep: nothing to drain when the namespace goes.
            TerminationGracePeriodSeconds = 1,
            EnableServiceLinks = false,
        },
    };

    private static V1Container AppContainerSpec() => new()
    {
        Name = AppContainer,
        Image = PinnedImages.App,
        ImagePullPolicy = "IfNotPresent",
        Command = ["sleep", "infinity"],
    };

    private static V1Container DigContainerSpec() => new()
    {
        Name = DigContainer,
        Image = PinnedImages.Dig,
        ImagePullPolicy = "IfNotPresent",
        Command = ["sleep", "infinity"],
    };
}
