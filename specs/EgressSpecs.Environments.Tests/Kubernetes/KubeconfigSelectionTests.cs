using EgressSpecs.Environments.Kubernetes;

namespace EgressSpecs.Environments.Tests.Kubernetes;

public sealed class KubeconfigSelectionTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("egress-specs-kubeconfig-").FullName;

    [Fact]
    public void Select_NoContextVariable_UsesTheCurrentContext()
    {
        // Given
        var file = Write("a.yaml", Kubeconfig(current: "blue", ("blue", "https://127.0.0.1:6443"), ("green", "https://127.0.0.2:6443")));

        // When
        var (configuration, problem) = KubeconfigSelection.Select(Variables(file, context: null));

        // Then
        Assert.Null(problem);
        Assert.Equal("blue", configuration!.CurrentContext);
        Assert.StartsWith("https://127.0.0.1:6443", configuration.Host);
    }

    [Fact]
    public void Select_ContextVariable_OverridesTheCurrentContext()
    {
        // Given
        var file = Write("a.yaml", Kubeconfig(current: "blue", ("blue", "https://127.0.0.1:6443"), ("green", "https://127.0.0.2:6443")));

        // When
        var (configuration, problem) = KubeconfigSelection.Select(Variables(file, context: "green"));

        // Then
        Assert.Null(problem);
        Assert.Equal("green", configuration!.CurrentContext);
        Assert.StartsWith("https://127.0.0.2:6443", configuration.Host);
    }

    [Fact]
    public void Select_ContextInTheSecondFileOfTheList_IsFound()
    {
        // Given
        var first = Write("a.yaml", Kubeconfig(current: "blue", ("blue", "https://127.0.0.1:6443")));
        var second = Write("b.yaml", Kubeconfig(current: null, ("staging", "https://127.0.0.3:6443")));

        // When
        var (configuration, problem) = KubeconfigSelection.Select(Variables($"{first}:{second}", context: "staging"));

        // Then
        Assert.Null(problem);
        Assert.StartsWith("https://127.0.0.3:6443", configuration!.Host);
    }

    [Fact]
    public void Select_UnknownContext_NamesTheVariableAndTheKnownContexts()
    {
        // Given
        var file = Write("a.yaml", Kubeconfig(current: "blue", ("blue", "https://127.0.0.1:6443"), ("green", "https://127.0.0.2:6443")));

        // When
        var (configuration, problem) = KubeconfigSelection.Select(Variables(file, context: "prod"));

        // Then
        Assert.Null(configuration);
        Assert.Contains("EGRESS_SPECS_KUBE_CONTEXT 'prod'", problem);
        Assert.Contains("blue, green", problem);
    }

    [Fact]
    public void Select_MissingFile_NamesKubeconfig()
    {
        // Given
        var missing = Path.Combine(_directory, "nope.yaml");

        // When
        var (configuration, problem) = KubeconfigSelection.Select(Variables(missing, context: null));

        // Then
        Assert.Null(configuration);
        Assert.Contains(missing, problem);
        Assert.Contains("KUBECONFIG", problem);
    }

    [Fact]
    public void Files_Unset_IsTheDefaultLocation()
    {
        // Given
        string? kubeconfig = null;

        // When
        var files = KubeconfigSelection.Files(kubeconfig);

        // Then
        Assert.Equal([k8s.KubernetesClientConfiguration.KubeConfigDefaultLocation], files);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static Func<string, string?> Variables(string kubeconfig, string? context) => name => name switch
    {
        KubernetesEnvironmentVariables.Kubeconfig => kubeconfig,
        KubernetesEnvironmentVariables.KubeContext => context,
        _ => null,
    };

    private string Write(string name, string text)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static string Kubeconfig(string? current, params (string Name, string Server)[] contexts)
    {
        var text = new System.Text.StringBuilder("apiVersion: v1\nkind: Config\n");
        if (current is not null)
        {
            text.Append($"current-context: {current}\n");
        }

        text.Append("clusters:\n");
        foreach (var (name, server) in contexts)
        {
            text.Append($"- name: {name}\n  cluster:\n    server: {server}\n    insecure-skip-tls-verify: true\n");
        }

        text.Append("contexts:\n");
        foreach (var (name, _) in contexts)
        {
            text.Append($"- name: {name}\n  context:\n    cluster: {name}\n    user: {name}\n");
        }

        text.Append("users:\n");
        foreach (var (name, _) in contexts)
        {
            text.Append($"- name: {name}\n  user:\n    token: test-token-{name}\n");
        }

        return text.ToString();
    }
}
