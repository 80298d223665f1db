using System.Net;
using System.Net.Sockets;
using System.Text;
using EgressSpecs.Dns.Rewrite;
using EgressSpecs.Environments.Apps;
using EgressSpecs.Environments.ThirdParties;

namespace EgressSpecs.Environments.Local;

/// <summary>
/// The embedded default target: everything on loopback with random ports, no Docker, no root. The real proxy runs
/// as its own process (or an external one is used), a loopback DNS server applies the shipped CoreDNS rule, and the
/// third parties follow the <see cref="AddressPlan"/>.
/// </summary>
internal sealed class LocalTarget(LocalTargetSettings settings) : IEgressTarget
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
        // Where kube-proxy would send the meshed app's connection to the proxy Service.
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(Require().Proxy.Traffic, cancellationToken);
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
        var settings = ProxyConfiguration.WithShutdown(
            ProxyConfiguration.For(started.ThirdParties.Port, started.Dns.EndPoint, started.CaFile), readinessDelay, drainTimeout);
        var process = await ProxyProcess.StartAsync(dll, settings, Settings.ProxyStartTimeout, cancellationToken);
        var service = new IPEndPoint(AddressPlan.ProxyServiceAddress, AddressPlan.ProxyServicePort);
        var network = new PodNetwork(started.Dns.ResolveAsync, new Dictionary<IPEndPoint, EndPoint> { [service] = process.Endpoints.Traffic });
        var own = new LocalOwnProxy(process, new ProxyAdminClient(process.Endpoints.Admin!), new HttpApp("meshed app (own proxy)", network.ConnectAsync));
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
            .AppendLine($"  proxy: {started.Proxy.Traffic} (Service {AddressPlan.ProxyServiceAddress}:{AddressPlan.ProxyServicePort}), admin {started.Proxy.Admin?.ToString() ?? "none"}")
            .AppendLine($"  cluster DNS: {started.Dns.EndPoint} udp+tcp, rules from {started.Dns.Rules.Source}")
            .AppendLine($"  third parties on port {started.ThirdParties.Port}: "
                + string.Join(", ", AddressPlan.ThirdParties.Select(party => $"{party.Role}={party.Host}@{party.Address}")))
            .AppendLine($"  CA file: {started.CaFile}");
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

        var certificates = new EphemeralCertificates();
        _teardown.Add(() => { certificates.Dispose(); return ValueTask.CompletedTask; });
        var caFile = WriteCaFile(certificates);

        var dns = await LocalClusterDns.StartAsync(rules, Settings.DnsPort, cancellationToken);
        _teardown.Add(dns.DisposeAsync);

        var thirdParties = await LocalThirdParties.StartAsync(certificates, Settings.ThirdPartyPort, Settings.ProxyStartTimeout, cancellationToken);
        _teardown.Add(thirdParties.DisposeAsync);

        var (proxy, process) = await StartProxyAsync(thirdParties.Port, dns.EndPoint, caFile, cancellationToken);
        if (process is not null)
        {
            _teardown.Add(process.DisposeAsync);
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
        deadPort.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _teardown.Add(() => { deadPort.Dispose(); return ValueTask.CompletedTask; });

        var service = new IPEndPoint(AddressPlan.ProxyServiceAddress, AddressPlan.ProxyServicePort);
        var meshed = App("meshed app", new PodNetwork(dns.ResolveAsync, new Dictionary<IPEndPoint, EndPoint> { [service] = proxy.Traffic }));
        var proxyDown = App("meshed app (proxy down)", new PodNetwork(dns.ResolveAsync, new Dictionary<IPEndPoint, EndPoint> { [service] = deadPort.LocalEndPoint! }));
        var outside = App("outside app", null);

        return new Started(dns, thirdParties, proxy, process, admin, caFile, meshed, outside, proxyDown);
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
        int thirdPartyPort, IPEndPoint dns, string caFile, CancellationToken cancellationToken)
    {
        if (Settings.ProxyUrl is { } external)
        {
            return (new ProxyEndpoints(ProxyEndpoints.EndPointOf(external), Settings.ProxyAdminUrl), null);
        }

        var dll = ProxyLocator.Find(Settings.ProxyDll, out var missing)
            ?? throw new InvalidOperationException(
                $"The local target cannot start the proxy: {missing}. Or set {EgressEnvironmentVariables.ProxyUrl} to use a running proxy.");
        var process = await ProxyProcess.StartAsync(
            dll, ProxyConfiguration.For(thirdPartyPort, dns, caFile), Settings.ProxyStartTimeout, cancellationToken);
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
        // Reverse start order: apps, proxy, third parties, DNS, then the certificates and the CA file.
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
        HttpApp MeshedApp,
        HttpApp OutsideApp,
        HttpApp ProxyDownApp);
}
