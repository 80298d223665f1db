using System.Net;
using System.Net.Sockets;
using System.Text;
using EgressSpecs.Dns.Rewrite;
using EgressSpecs.Environments.Apps;
using EgressSpecs.Environments.Kubernetes;
using EgressSpecs.Environments.Local.Pods;
using EgressSpecs.Environments.ThirdParties;

namespace EgressSpecs.Environments.Local;

/// <summary>
/// The embedded default target: everything on loopback (random ports, but for the pods' DNS and Services), no Docker. The real proxy runs as its own
/// process (or an external one is used), a loopback DNS server applies the shipped CoreDNS rule, and the third parties
/// follow the <see cref="AddressPlan"/>. The meshed app is curl and glibc in a private mount namespace with a pod's
/// resolv.conf when the machine allows it (root, or port 53 and a user namespace; <see cref="MeshedAppProbe"/>),
/// else the in-process model (<see cref="MeshedAppChoice"/>).
/// </summary>
/// <param name="settings">What to start and how.</param>
/// <param name="progress">Where the choice of meshed app is said once (null: nowhere).</param>
internal sealed class LocalTarget(LocalTargetSettings settings, TextWriter? progress = null) : IEgressTarget
{
    /// <summary>The rule file's name next to the test assembly (copied there from infra/ by the test project's build).</summary>
    public const string ShippedCorefileName = "coredns-custom.yml";

    private const string NeedsCluster = "run with EGRESS_SPECS_TARGET=k3s or cluster";

    private readonly List<Func<ValueTask>> _teardown = [];
    private Started? _started;

    public string Name => "local";

    /// <summary>The settings this target was made with.</summary>
    public LocalTargetSettings Settings { get; } = settings;

    public IApp MeshedApp => Require().MeshedApp;

    public IApp OutsideApp => Require().OutsideApp;

    public IApp UnmeshedApp => throw Missing(Capability.UnmeshedPod);

    public IApp MeshedAppWhenProxyIsDown => Require().ProxyDownApp;

    public IClusterDns ClusterDns => Require().Dns;

    public IReadOnlyDictionary<ThirdPartyRole, IThirdParty> ThirdParties => Require().ThirdParties.Observations.Parties;

    public IProxyAdmin ProxyAdmin => Lacks(Capability.ProxyAdmin) is null ? Require().Admin! : throw Missing(Capability.ProxyAdmin);

    /// <summary>The port every third party listens on (after start).</summary>
    public int ThirdPartyPort => Require().ThirdParties.Port;

    /// <summary>The cluster DNS endpoint (after start).</summary>
    public IPEndPoint DnsEndPoint => Require().Dns.EndPoint;

    /// <summary>The CA bundle a proxy must trust (after start).</summary>
    public string CaFile => Require().CaFile;

    /// <summary>Which meshed app runs (after start).</summary>
    public MeshedAppChoice MeshedAppChoice => Require().Choice;

    /// <summary>The proxy Service as the meshed app's cluster DNS answers it (after start).</summary>
    public IPEndPoint ProxyService => Require().ProxyService;

    /// <summary>The meshed app's pod on the real path (after start), else null.</summary>
    public LocalPod? MeshedPod => Require().Pods?.Meshed;

    public IReadOnlyList<KeyValuePair<string, string>> RunFacts =>
        _started is { } started ? [new("Meshed app", started.Choice.Description)] : [];

    /// <summary>The rule file the cluster DNS serves.</summary>
    public string CorefilePath => Settings.CorefilePath ?? Path.Combine(AppContext.BaseDirectory, ShippedCorefileName);

    public string? Lacks(Capability capability) => capability switch
    {
        Capability.ProxyDown or Capability.ThirdParties or Capability.SpecialPurposeNames => null,
        Capability.ProxyAdmin when Settings.ProxyUrl is not null && Settings.ProxyAdminUrl is null =>
            $"the external proxy at {Settings.ProxyUrl} has no admin URL: set {EgressEnvironmentVariables.ProxyAdminUrl} to read its metrics and readiness",
        Capability.ProxyAdmin => null,
        Capability.RawProxyConnection => null,
        Capability.OwnProxy when Settings.ProxyUrl is not null =>
            $"the proxy under test runs at {Settings.ProxyUrl}, outside this target: only the target's own proxy can be started for a scenario",
        Capability.OwnProxy => null,
        Capability.UnmeshedPod => $"an unmeshed pod needs a Kubernetes cluster with Linkerd: {NeedsCluster}",
        Capability.Mesh => $"Linkerd (its mTLS between the app and the proxy, and its metrics) needs a meshed cluster: {NeedsCluster}",
        Capability.NetworkPolicy => $"NetworkPolicy needs a Kubernetes cluster whose CNI enforces it: {NeedsCluster}",
        _ => throw new ArgumentOutOfRangeException(nameof(capability), capability, "Unknown capability."),
    };

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (_started is not null)
        {
            throw new InvalidOperationException("The local target is already started.");
        }

        try
        {
            _started = await StartEverythingAsync(cancellationToken);
        }
        catch
        {
            await TearDownAsync();
            throw;
        }
    }

    public Task<string> LinkerdMetricsTextAsync(CancellationToken cancellationToken) => throw Missing(Capability.Mesh);

    public Task<string> DiagnosticsAsync(CancellationToken cancellationToken) => Task.FromResult(Describe());

    public async Task<Stream> ConnectToProxyAsync(CancellationToken cancellationToken)
    {
        // The proxy Service as the meshed app reaches it: its pod's Service address on the real path, else where kube-proxy would send it.
        var started = Require();
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(started.Pods is { } pods ? pods.Meshed.Addresses.Service : started.Proxy.Traffic, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    public async Task<IOwnProxy> StartOwnProxyAsync(TimeSpan readinessDelay, TimeSpan drainTimeout, CancellationToken cancellationToken)
    {
        if (Lacks(Capability.OwnProxy) is not null)
        {
            throw Missing(Capability.OwnProxy);
        }

        var started = Require();
        var dll = ProxyLocator.Find(Settings.ProxyDll, out var missing)
            ?? throw new InvalidOperationException($"The local target cannot start a proxy: {missing}.");
        var pod = started.Pods is { } pods ? await pods.StartPodAsync("meshed-app-own-proxy", cancellationToken) : null;
        ProxyProcess process;
        try
        {
            var settings = ProxyConfiguration.WithShutdown(
                ProxyConfiguration.For(started.ThirdParties.Port, started.Dns.EndPoint, started.CaFile, pod?.Addresses.Service), readinessDelay, drainTimeout);
            process = await ProxyProcess.StartAsync(dll, settings, Settings.ProxyStartTimeout, cancellationToken);
        }
        catch
        {
            if (pod is not null)
            {
                await pod.DisposeAsync();
            }

            throw;
        }

        LocalOwnProxy own;
        if (pod is not null)
        {
            own = new LocalOwnProxy(process, new ProxyAdminClient(process.Endpoints.Admin!), new PodApp($"meshed app, own proxy ({pod.Container})", pod.Container, pod), pod.DisposeAsync);
        }
        else
        {
            var service = new IPEndPoint(AddressPlan.ProxyServiceAddress, AddressPlan.ProxyServicePort);
            var network = new PodNetwork(ResolveIPv4(started.Dns), new Dictionary<IPEndPoint, EndPoint> { [service] = process.Endpoints.Traffic });
            var app = new HttpApp("meshed app (own proxy)", network.ConnectAsync);
            own = new LocalOwnProxy(process, new ProxyAdminClient(process.Endpoints.Admin!), app, () => { app.Dispose(); return ValueTask.CompletedTask; });
        }

        try
        {
            await WaitUntilReadyAsync(own.Admin, process, cancellationToken);
            return own;
        }
        catch
        {
            await own.DisposeAsync();
            throw;
        }
    }

    private string Describe()
    {
        if (_started is not { } started)
        {
            return "local target (not started)";
        }

        var text = new StringBuilder()
            .AppendLine("local target")
            .AppendLine($"  meshed app: {started.Choice.Description}")
            .AppendLine($"  proxy: {started.Proxy.Traffic} (Service {started.ProxyService}), admin {started.Proxy.Admin?.ToString() ?? "none"}")
            .AppendLine($"  cluster DNS: {started.Dns.EndPoint} udp+tcp, rules from {started.Dns.Rules.Source}")
            .AppendLine($"  third parties on port {started.ThirdParties.Port}: "
                + string.Join(", ", AddressPlan.ThirdParties.Select(party => $"{party.Role}={party.Host}@{party.Address}")))
            .AppendLine($"  CA file: {started.CaFile}");
        if (started.Pods is { } pods)
        {
            text.AppendLine($"  pods: {pods.Meshed.Container.Pod} (DNS {pods.Meshed.Addresses.Dns}, proxy Service {pods.Meshed.Addresses.Service}), "
                + $"{pods.ProxyDown.Container.Pod} (DNS {pods.ProxyDown.Addresses.Dns}, proxy Service {pods.ProxyDown.Addresses.Service}, no endpoint)");
        }
        if (started.ProxyProcess is { } process)
        {
            text.AppendLine("  proxy output:").AppendLine(process.Output);
        }

        return text.ToString();
    }

    public ValueTask DisposeAsync() => TearDownAsync();

    private async Task<Started> StartEverythingAsync(CancellationToken cancellationToken)
    {
        // Load the rule first: a bad rule file is the cheapest failure to report.
        var rules = LoadRules();

        var certificates = new EphemeralCertificates(
            Settings.IssuingCaFile is { } issuing ? IssuingCa.Load(issuing, DateTimeOffset.UtcNow) : null);
        _teardown.Add(() => { certificates.Dispose(); return ValueTask.CompletedTask; });
        var caFile = WriteCaFile(certificates);

        var (pods, choice) = await ChooseMeshedAppAsync(rules, cancellationToken);
        progress?.WriteLine($"[local] meshed app: {choice.Description}");

        // The proxy Service as the meshed app's DNS answers it: its pod's address on the real path, a virtual address in the model.
        var service = pods?.Meshed.Addresses.Service ?? new IPEndPoint(AddressPlan.ProxyServiceAddress, AddressPlan.ProxyServicePort);
        var dns = await LocalClusterDns.StartAsync(rules, service.Address, Settings.DnsPort, pods?.Meshed, cancellationToken);
        _teardown.Add(dns.DisposeAsync);

        var thirdParties = await LocalThirdParties.StartAsync(certificates, Settings.ThirdPartyPort, Settings.ProxyStartTimeout, cancellationToken);
        _teardown.Add(thirdParties.DisposeAsync);

        var (proxy, process) = await StartProxyAsync(thirdParties.Port, dns.EndPoint, caFile, pods is null ? null : service, cancellationToken);
        if (process is not null)
        {
            _teardown.Add(process.DisposeAsync);
        }
        else if (pods is not null)
        {
            // An external proxy cannot listen on the pod's Service address: relay it there, as kube-proxy would.
            var relay = ServiceRelay.Start(service, proxy.Traffic);
            _teardown.Add(relay.DisposeAsync);
        }

        var admin = proxy.Admin is null ? null : new ProxyAdminClient(proxy.Admin);
        if (admin is not null)
        {
            _teardown.Add(() => { admin.Dispose(); return ValueTask.CompletedTask; });
            if (process is not null)
            {
                await WaitUntilReadyAsync(admin, process, cancellationToken);
            }
        }

        // A port bound but never listening: connecting to it is refused, as with a Service without endpoints.
        var deadPort = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        _teardown.Add(() => { deadPort.Dispose(); return ValueTask.CompletedTask; });
        deadPort.Bind(pods?.ProxyDown.Addresses.Service ?? new IPEndPoint(IPAddress.Loopback, 0));

        IApp meshed, proxyDown;
        if (pods is not null)
        {
            meshed = new PodApp($"meshed app ({pods.Meshed.Container})", pods.Meshed.Container, pods.Meshed);
            proxyDown = new PodApp($"meshed app, proxy down ({pods.ProxyDown.Container})", pods.ProxyDown.Container, pods.ProxyDown);
        }
        else
        {
            meshed = App("meshed app", new PodNetwork(ResolveIPv4(dns), new Dictionary<IPEndPoint, EndPoint> { [service] = proxy.Traffic }));
            proxyDown = App("meshed app (proxy down)", new PodNetwork(ResolveIPv4(dns), new Dictionary<IPEndPoint, EndPoint> { [service] = deadPort.LocalEndPoint! }));
        }

        var outside = App("outside app", null);
        return new Started(dns, thirdParties, proxy, process, admin, caFile, meshed, outside, proxyDown, choice, pods, service);
    }

    /// <summary>Probes the real path unless the settings rule it out; the pods it started are torn down with the target.</summary>
    private async Task<(LocalPods? Pods, MeshedAppChoice Choice)> ChooseMeshedAppAsync(RewriteRuleSet rules, CancellationToken cancellationToken)
    {
        if (Settings.MeshedApp == MeshedAppMode.InProcess)
        {
            return (null, MeshedAppChoice.Decide(Settings.MeshedApp, null, null));
        }

        var (pods, unavailable) = await MeshedAppProbe.TryStartAsync(rules, cancellationToken);
        if (pods is not null)
        {
            _teardown.Add(pods.DisposeAsync);
        }

        return (pods, MeshedAppChoice.Decide(Settings.MeshedApp, pods?.Description, unavailable));
    }

    private RewriteRuleSet LoadRules()
    {
        var path = CorefilePath;
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(
                $"The DNS rule file '{path}' does not exist. Set {EgressEnvironmentVariables.Corefile} to a rule file, or let the test "
                + $"project copy infra/{ShippedCorefileName} next to its assembly (specs/EgressSpecs.ProxyUnderTest.targets).",
                path);
        }

        return RewriteRuleSet.Load(path);
    }

    private string WriteCaFile(EphemeralCertificates certificates)
    {
        var path = Settings.CaFile ?? Path.Combine(Path.GetTempPath(), $"egress-specs-ca-{Guid.NewGuid():N}.pem");
        if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } directory)
        {
            Directory.CreateDirectory(directory);
        }

        File.WriteAllText(path, certificates.TrustedCaPem);
        if (Settings.CaFile is null)
        {
            _teardown.Add(() => { File.Delete(path); return ValueTask.CompletedTask; });
        }

        return path;
    }

    private async Task<(ProxyEndpoints Proxy, ProxyProcess? Process)> StartProxyAsync(
        int thirdPartyPort, IPEndPoint dns, string caFile, IPEndPoint? service, CancellationToken cancellationToken)
    {
        if (Settings.ProxyUrl is { } external)
        {
            return (new ProxyEndpoints(ProxyEndpoints.EndPointOf(external), Settings.ProxyAdminUrl), null);
        }

        var dll = ProxyLocator.Find(Settings.ProxyDll, out var missing)
            ?? throw new InvalidOperationException(
                $"The local target cannot start the proxy: {missing}. Or set {EgressEnvironmentVariables.ProxyUrl} to use a running proxy.");
        var process = await ProxyProcess.StartAsync(
            dll, ProxyConfiguration.For(thirdPartyPort, dns, caFile, service), Settings.ProxyStartTimeout, cancellationToken);
        return (process.Endpoints, process);
    }

    private async Task WaitUntilReadyAsync(ProxyAdminClient admin, ProxyProcess process, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(Settings.ProxyStartTimeout);
        var last = "no answer yet";
        try
        {
            while (true)
            {
                try
                {
                    var status = await admin.ReadinessStatusAsync(deadline.Token);
                    if (status == 200)
                    {
                        return;
                    }

                    last = $"HTTP {status}";
                }
                catch (HttpRequestException exception)
                {
                    last = exception.Message;
                }

                await Task.Delay(TimeSpan.FromMilliseconds(50), deadline.Token);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException(
                $"The proxy's {admin.BaseAddress}readyz did not answer 200 within {Settings.ProxyStartTimeout.TotalSeconds:0} s (last: {last}). Its output:\n{process.Output}");
        }
    }

    /// <summary>The in-process model resolves as a .NET app does: IPv4 only.</summary>
    private static Func<string, CancellationToken, Task<HostLookup>> ResolveIPv4(LocalClusterDns dns) =>
        (host, cancellationToken) => dns.ResolveAsync(host, AddressFamily.InterNetwork, cancellationToken);

    private HttpApp App(string description, PodNetwork? network)
    {
        var app = new HttpApp(description, network is null ? null : network.ConnectAsync);
        _teardown.Add(() => { app.Dispose(); return ValueTask.CompletedTask; });
        return app;
    }

    private Started Require() =>
        _started ?? throw new InvalidOperationException("The local target is not started: call StartAsync first.");

    private TargetLacksCapabilityException Missing(Capability capability) => new(capability, Lacks(capability)!);

    private async ValueTask TearDownAsync()
    {
        // Reverse start order: apps, proxy, third parties, DNS, pods, then the certificates and the CA file.
        var failures = new List<Exception>();
        for (var index = _teardown.Count - 1; index >= 0; index--)
        {
            try
            {
                await _teardown[index]();
            }
            catch (Exception exception)
            {
                failures.Add(exception);
            }
        }

        _teardown.Clear();
        _started = null;
        if (failures.Count > 0)
        {
            throw new AggregateException("Stopping the local target failed.", failures);
        }
    }

    private sealed record Started(
        LocalClusterDns Dns,
        LocalThirdParties ThirdParties,
        ProxyEndpoints Proxy,
        ProxyProcess? ProxyProcess,
        ProxyAdminClient? Admin,
        string CaFile,
        IApp MeshedApp,
        HttpApp OutsideApp,
        IApp ProxyDownApp,
        MeshedAppChoice Choice,
        LocalPods? Pods,
        IPEndPoint ProxyService);
}
