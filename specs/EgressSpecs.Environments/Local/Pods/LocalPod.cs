using EgressSpecs.Dns.Rewrite;
using EgressSpecs.Dns.Server;
using EgressSpecs.Environments.Apps;
using EgressSpecs.Environments.Kubernetes;
using EgressSpecs.Environments.Support;

namespace EgressSpecs.Environments.Local.Pods;

/// <summary>
/// A pod of the local target on the real path: every command it execs runs on this machine in a private mount
/// namespace with the pod's resolv.conf, nsswitch.conf and hosts (<see cref="MountNamespaceCommand"/>), and the pod's
/// cluster DNS answers on its own loopback address, port 53. The cluster targets' <see cref="PodApp"/> and getent
/// run on it unchanged: an <see cref="IPodExec"/> like kubectl exec.
/// </summary>
internal sealed class LocalPod : IPodExec, IAsyncDisposable
{
    private readonly ClusterDnsServer _dns;
    private readonly PodEtcFiles _etc;
    private readonly UnshareMode _mode;
    private readonly Action? _release;

    /// <summary>Takes over a started DNS server and written files, which it disposes; <paramref name="release"/> frees the pod's addresses.</summary>
    public LocalPod(string name, PodAddresses addresses, ClusterDnsServer dns, PodEtcFiles etc, UnshareMode mode, Action? release)
    {
        Container = new PodContainer(AddressPlan.AppNamespace, name, "app");
        Addresses = addresses;
        _dns = dns;
        _etc = etc;
        _mode = mode;
        _release = release;
    }

    public PodContainer Container { get; }

    public PodAddresses Addresses { get; }

    /// <summary>The pod's resolv.conf.</summary>
    public ResolvConf ResolvConf => _etc.ResolvConf;

    /// <summary>What the pod's resolver asked its cluster DNS so far, oldest first.</summary>
    public IReadOnlyList<SeenDnsQuestion> QuestionsSeen => _dns.QuestionsSeen;

    /// <summary>Starts the pod's cluster DNS on its address, port 53, and writes its files.</summary>
    /// <exception cref="System.Net.Sockets.SocketException">The DNS address cannot be bound.</exception>
    public static async Task<LocalPod> StartAsync(
        string name, PodAddresses addresses, RewriteRuleSet rules, UnshareMode mode, Action? release, CancellationToken cancellationToken)
    {
        var dns = await StartDnsAsync(addresses, rules, cancellationToken);
        try
        {
            return new LocalPod(name, addresses, dns, WriteEtc(addresses), mode, release);
        }
        catch
        {
            await dns.DisposeAsync();
            throw;
        }
    }

    /// <summary>The pod's cluster DNS: the run's rule over the plan's records, the proxy Service's name answered with this pod's Service address.</summary>
    public static Task<ClusterDnsServer> StartDnsAsync(PodAddresses addresses, RewriteRuleSet rules, CancellationToken cancellationToken) =>
        ClusterDnsServer.StartAsync(
            new ClusterDnsOptions
            {
                Rules = rules,
                Records = LocalClusterDns.Records(addresses.Service.Address),
                BindAddress = addresses.Dns.Address,
                Port = addresses.Dns.Port,
            },
            cancellationToken);

    /// <summary>A ClusterFirst pod's files in the local app namespace, with this pod's DNS as the nameserver.</summary>
    public static PodEtcFiles WriteEtc(PodAddresses addresses) =>
        PodEtcFiles.Write(ResolvConf.ForPod(addresses.Dns.Address, AddressPlan.AppNamespace));

    public Task<CommandResult> ExecAsync(PodContainer container, IReadOnlyList<string> command, Stream? stdin, CancellationToken cancellationToken)
    {
        if (container != Container)
        {
            throw new ArgumentException($"This is {Container}; it cannot exec in {container}.", nameof(container));
        }

        return LocalCommand.RunAsync(MountNamespaceCommand.Wrap(_mode, _etc.Directory, command), stdin, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _dns.DisposeAsync();
            _etc.Dispose();
        }
        finally
        {
            _release?.Invoke();
        }
    }
}
