using EgressSpecs.Dns.Rewrite;

namespace EgressSpecs.Environments.Local.Pods;

/// <summary>
/// The local target's pods on the real path, in the block of loopback addresses it claimed (<see cref="PodAddresses"/>):
/// the meshed app's (pod 0), the one that finds the proxy down (pod 1), and one per proxy a scenario starts.
/// </summary>
internal sealed class LocalPods : IAsyncDisposable
{
    public const string MeshedName = "meshed-app";
    public const string ProxyDownName = "meshed-app-proxy-down";

    private readonly Lock _lock = new();
    private readonly HashSet<int> _taken = [PodAddresses.MeshedIndex, PodAddresses.ProxyDownIndex];
    private readonly RewriteRuleSet _rules;

    private LocalPods(LocalPod meshed, LocalPod proxyDown, UnshareMode mode, RewriteRuleSet rules, string curl, string glibc)
    {
        Meshed = meshed;
        ProxyDown = proxyDown;
        Mode = mode;
        _rules = rules;
        Curl = curl;
        Glibc = glibc;
    }

    public LocalPod Meshed { get; }

    public LocalPod ProxyDown { get; }

    public UnshareMode Mode { get; }

    /// <summary>The machine's curl, e.g. "curl 7.88.1".</summary>
    public string Curl { get; }

    /// <summary>The machine's C library, e.g. "glibc 2.36".</summary>
    public string Glibc { get; }

    /// <summary>What the meshed app is, for the report: "curl 7.88.1 + glibc 2.36 in a private mount namespace (...)".</summary>
    public string Description =>
        $"{Curl} + {Glibc} in a private mount namespace{(Mode == UnshareMode.UserNamespace ? " (in a user namespace)" : "")}, "
        + $"with a pod's resolv.conf: nameserver {Meshed.Addresses.Dns.Address}, search {string.Join(' ', Meshed.ResolvConf.Search)}, "
        + $"{string.Join(' ', Meshed.ResolvConf.Options)}; proxy Service {Meshed.Addresses.Service}";

    /// <summary>Takes over the probed meshed pod and starts the proxy-down pod next to it.</summary>
    public static async Task<LocalPods> StartAsync(
        LocalPod meshed, UnshareMode mode, RewriteRuleSet rules, string curl, string glibc, CancellationToken cancellationToken)
    {
        var proxyDown = await LocalPod.StartAsync(
            ProxyDownName, PodAddresses.For(meshed.Addresses.Block, PodAddresses.ProxyDownIndex), rules, mode, null, cancellationToken);
        return new LocalPods(meshed, proxyDown, mode, rules, curl, glibc);
    }

    /// <summary>Starts a pod with the next free addresses of the block (for a scenario's own proxy); disposing it frees them.</summary>
    public async Task<LocalPod> StartPodAsync(string name, CancellationToken cancellationToken)
    {
        int index;
        lock (_lock)
        {
            index = Enumerable.Range(0, PodAddresses.MaxIndex + 1).FirstOrDefault(candidate => !_taken.Contains(candidate), -1);
            if (index < 0)
            {
                throw new InvalidOperationException($"All {PodAddresses.MaxIndex + 1} pods of block 127.0.{Meshed.Addresses.Block}.0/24 are in use.");
            }

            _taken.Add(index);
        }

        void Release()
        {
            lock (_lock)
            {
                _taken.Remove(index);
            }
        }

        try
        {
            return await LocalPod.StartAsync(name, PodAddresses.For(Meshed.Addresses.Block, index), _rules, Mode, Release, cancellationToken);
        }
        catch
        {
            Release();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await ProxyDown.DisposeAsync();
        await Meshed.DisposeAsync();
    }
}
