using System.Reflection;
using k8s;
using k8s.Models;

namespace EgressSpecs.Environments.Kubernetes;

/// <summary>
/// Orders objects for applying one by one as kustomize orders its output (<c>kubectl apply -k</c>), so an object
/// comes after what it refers to: namespaces, then CRDs, accounts and roles, then ConfigMaps and Secrets, then
/// Services, then workloads. A Deployment applied before the Secret it mounts starts pods that sit in
/// ContainerCreating until the Secret appears; with this order that never happens.
/// </summary>
/// <remarks>
/// The kind ranks are kubernetes-sigs/kustomize api/resid/gvk.go (<c>orderFirst</c>, <c>orderLast</c>,
/// <c>IsLessThan</c>; checked at commit 220853ff): kinds in <c>orderFirst</c> come first in that order, the webhook
/// configurations of <c>orderLast</c> come last, every other kind sits between them; among kinds of equal rank
/// kustomize compares <c>group_version_kind</c> (<c>~G</c> for the core group) as strings. Kinds of our own that
/// kustomize does not list land in the middle: k3s's <c>helm.cattle.io</c> HelmChart, NetworkPolicy and the
/// <c>discovery.k8s.io</c> EndpointSlice. An EndpointSlice therefore follows its Service, which is the order it
/// needs: it names the Service by the <c>kubernetes.io/service-name</c> label, and a Service briefly without
/// endpoints is an ordinary state, whereas a slice for a Service that does not exist yet is an orphan nothing reads.
/// Unlike kustomize, which then sorts by name, objects of one kind keep the order they were given in.
/// </remarks>
internal static class ApplyOrder
{
    private static readonly string[] OrderFirst =
    [
        "Namespace", "ResourceQuota", "StorageClass", "CustomResourceDefinition", "ServiceAccount", "PodSecurityPolicy",
        "Role", "ClusterRole", "RoleBinding", "ClusterRoleBinding", "ConfigMap", "Secret", "Endpoints", "Service",
        "LimitRange", "PriorityClass", "PersistentVolume", "PersistentVolumeClaim", "Deployment", "StatefulSet",
        "CronJob", "PodDisruptionBudget",
    ];

    private static readonly string[] OrderLast = ["MutatingWebhookConfiguration", "ValidatingWebhookConfiguration"];

    /// <summary>The objects in apply order; a stable sort, so objects of one kind keep their given order.</summary>
    public static IReadOnlyList<T> Sort<T>(IEnumerable<T> objects)
        where T : IKubernetesObject =>
        [.. objects.Select(item => (Item: item, Type: TypeOf(item)))
            .OrderBy(entry => Rank(entry.Type.Kind))
            .ThenBy(entry => entry.Type.GvkString, StringComparer.Ordinal)
            .Select(entry => entry.Item)];

    /// <summary>kustomize's rank of a kind: negative for <c>orderFirst</c>, 0 for kinds it does not list, positive for <c>orderLast</c>.</summary>
    public static int Rank(string kind)
    {
        var first = Array.IndexOf(OrderFirst, kind);
        if (first >= 0)
        {
            return first - OrderFirst.Length;
        }

        var last = Array.IndexOf(OrderLast, kind);
        return last >= 0 ? last + 1 : 0;
    }

    private static (string Kind, string GvkString) TypeOf(IKubernetesObject item)
    {
        // Typed models built in code may leave apiVersion and kind unset: their KubernetesEntity attribute knows them.
        var entity = item.GetType().GetCustomAttribute<KubernetesEntityAttribute>();
        var kind = NonEmpty(item.Kind) ?? NonEmpty(entity?.Kind)
            ?? throw new ArgumentException($"A {item.GetType().Name} without a kind cannot be ordered for apply (set its kind).", nameof(item));
        var apiVersion = NonEmpty(item.ApiVersion)
            ?? (entity is null ? null : string.IsNullOrEmpty(entity.Group) ? entity.ApiVersion : $"{entity.Group}/{entity.ApiVersion}")
            ?? string.Empty;
        var slash = apiVersion.IndexOf('/', StringComparison.Ordinal);
        var (group, version) = slash >= 0 ? (apiVersion[..slash], apiVersion[(slash + 1)..]) : (string.Empty, apiVersion);
        return (kind, $"{NonEmpty(group) ?? "~G"}_{NonEmpty(version) ?? "~V"}_{kind}");
    }

    private static string? NonEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
