namespace EgressSpecs.Environments.Support;

/// <summary>
/// Finds the repository the tests run from (the first parent of the test assembly's folder with
/// <c>infra/kustomization.yaml</c>): the cluster targets apply <c>infra/</c> and build the proxy from it.
/// </summary>
internal sealed record RepositoryLayout(string Root)
{
    public string InfraDirectory => Path.Combine(Root, "infra");

    public string ProxyProject => Path.Combine(Root, "proxy", "EgressSpecs.Proxy", "EgressSpecs.Proxy.csproj");

    /// <summary>The third-party program's project, built into the k3s target's third-party image.</summary>
    public string ThirdPartiesProject => Path.Combine(Root, "specs", "EgressSpecs.ThirdParties", "EgressSpecs.ThirdParties.csproj");

    public string AppNamespacePolicy => Path.Combine(InfraDirectory, "app-namespace", "network-policy.yml");

    /// <summary>The layout above <paramref name="start"/>, or null with <paramref name="missing"/> saying where it looked.</summary>
    public static RepositoryLayout? Find(string start, out string missing)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "infra", "kustomization.yaml")))
            {
                missing = string.Empty;
                return new RepositoryLayout(directory.FullName);
            }
        }

        missing = $"no parent of {start} holds infra/kustomization.yaml (run the specs from a checkout of the repository)";
        return null;
    }
}
