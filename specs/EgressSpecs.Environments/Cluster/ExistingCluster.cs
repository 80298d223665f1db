using EgressSpecs.Environments.Kubernetes;

namespace EgressSpecs.Environments.Cluster;

/// <summary>
/// An existing cluster, chosen by <c>KUBECONFIG</c> and <c>EGRESS_SPECS_KUBE_CONTEXT</c>, as a platform team checks it
/// before and after an upgrade. It only checks what must already be installed (Linkerd, the DNS rule, the proxy) and
/// fails the run naming each missing piece. It installs nothing and runs no third parties: the allowlist is the
/// operator's (scenarios about our own third parties skip with the reason; a contract file checks theirs).
/// </summary>
internal sealed class ExistingCluster(Func<string, string?> variable) : IClusterProvisioner
{
    public const string NoThirdParties =
        "an existing cluster's allowlist belongs to its operator, so the cluster target runs no third parties of its own and "
        + "cannot observe what reaches one; run EGRESS_SPECS_TARGET=k3s (or local) for these scenarios, and describe your "
        + "own destinations in a contract file (EGRESS_SPECS_CONTRACT)";

    private k8s.Kubernetes? _client;

    public string Name => EgressTargets.Cluster;

    public string? ThirdPartiesLacking => NoThirdParties;

    public async Task<ProvisionedCluster> ProvisionAsync(Support.PhaseLog phases, CancellationToken cancellationToken)
    {
        var (configuration, problem) = KubeconfigSelection.Select(variable);
        if (configuration is null)
        {
            throw new TargetUnavailableException(Name, $"no cluster to run against: {problem}");
        }

        var context = $"context '{configuration.CurrentContext}' ({configuration.Host})";
        _client = new k8s.Kubernetes(configuration);
        var snapshot = await phases.RunAsync("prerequisites read", async token =>
        {
            try
            {
                return await ClusterPrerequisites.ReadAsync(_client, token);
            }
            catch (HttpRequestException exception)
            {
                throw new TargetUnavailableException(Name, $"the cluster of {context} does not answer: {exception.Message}", exception);
            }
        }, cancellationToken);

        var missing = ClusterPrerequisites.Missing(snapshot);
        if (missing.Count > 0)
        {
            throw new TargetUnavailableException(Name, $"the cluster of {context} is missing prerequisites: {string.Join("; ", missing)}");
        }

        return new ProvisionedCluster(_client, context, ThirdParties: null, DiagnosticNamespaces: []);
    }

    public Task<string> DiagnosticsAsync(CancellationToken cancellationToken) => Task.FromResult(string.Empty);

    public ValueTask DisposeAsync()
    {
        _client?.Dispose();
        _client = null;
        return ValueTask.CompletedTask;
    }
}
