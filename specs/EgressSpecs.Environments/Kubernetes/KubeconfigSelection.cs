using k8s;
using k8s.Exceptions;

namespace EgressSpecs.Environments.Kubernetes;

/// <summary>
/// Which cluster the <c>cluster</c> target talks to: the kubeconfig files of <c>KUBECONFIG</c> (kubectl's
/// separator-delimited list; <c>~/.kube/config</c> when unset) and the context of <c>EGRESS_SPECS_KUBE_CONTEXT</c>
/// (the files' current-context when unset).
/// </summary>
internal static class KubeconfigSelection
{
    /// <summary>The client configuration, or a message that names the variable to fix.</summary>
    public static (KubernetesClientConfiguration? Configuration, string? Problem) Select(Func<string, string?> variable)
    {
        var files = Files(variable(KubernetesEnvironmentVariables.Kubeconfig));
        var context = variable(KubernetesEnvironmentVariables.KubeContext) is { } named && !string.IsNullOrWhiteSpace(named) ? named.Trim() : null;
        var existing = files.Where(File.Exists).ToList();
        if (existing.Count == 0)
        {
            return (null, $"no kubeconfig: {string.Join(", ", files)} does not exist (set {KubernetesEnvironmentVariables.Kubeconfig})");
        }

        var configs = existing.Select(file => KubernetesClientConfiguration.LoadKubeConfig(new FileInfo(file))).ToList();

        // kubectl takes the first current-context set across the list, and the first file that defines a context.
        var chosen = context ?? configs.Select(config => config.CurrentContext).FirstOrDefault(name => !string.IsNullOrEmpty(name));
        if (chosen is null)
        {
            return (null, $"no context: {string.Join(", ", existing)} set no current-context (set {KubernetesEnvironmentVariables.KubeContext})");
        }

        var owner = configs.FirstOrDefault(config => config.Contexts.Any(candidate => candidate.Name == chosen));
        if (owner is null)
        {
            var known = configs.SelectMany(config => config.Contexts.Select(candidate => candidate.Name)).Distinct();
            var origin = context is null ? "current-context" : KubernetesEnvironmentVariables.KubeContext;
            return (null, $"{origin} '{chosen}' is not a context of {string.Join(", ", existing)} (contexts: {string.Join(", ", known)})");
        }

        try
        {
            return (KubernetesClientConfiguration.BuildConfigFromConfigObject(owner, chosen), null);
        }
        catch (KubeConfigException exception)
        {
            return (null, $"context '{chosen}' in {owner.FileName} is not usable: {exception.Message}");
        }
    }

    /// <summary>The files of a <c>KUBECONFIG</c> value (<c>~/.kube/config</c> when unset).</summary>
    public static IReadOnlyList<string> Files(string? kubeconfig)
    {
        if (string.IsNullOrWhiteSpace(kubeconfig))
        {
            return [KubernetesClientConfiguration.KubeConfigDefaultLocation];
        }

        var separator = OperatingSystem.IsWindows() ? ';' : ':';
        return [.. kubeconfig.Split(separator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(path => path.Trim('"'))];
    }
}
