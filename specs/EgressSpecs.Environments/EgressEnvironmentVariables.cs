namespace EgressSpecs.Environments;

/// <summary>The environment variables that choose and shape a target (docs/targets.md explains each with its default).</summary>
public static class EgressEnvironmentVariables
{
    /// <summary><c>local</c> (default), <c>k3s</c> or <c>cluster</c>.</summary>
    public const string Target = "EGRESS_SPECS_TARGET";

    /// <summary>Use this running proxy (an absolute <c>http://host:port</c> URL) instead of starting ours.</summary>
    public const string ProxyUrl = "EGRESS_SPECS_PROXY_URL";

    /// <summary>With <see cref="ProxyUrl"/>: that proxy's admin base URL (metrics, readiness).</summary>
    public const string ProxyAdminUrl = "EGRESS_SPECS_PROXY_ADMIN_URL";

    /// <summary>The rule file the cluster DNS serves, instead of the shipped <c>infra/coredns-custom.yml</c>.</summary>
    public const string Corefile = "EGRESS_SPECS_COREFILE";

    /// <summary>The one port every third party listens on (default: a free port chosen per run).</summary>
    public const string ThirdPartyPort = "EGRESS_SPECS_THIRD_PARTY_PORT";

    /// <summary>The cluster DNS port on 127.0.0.1, UDP and TCP (default: a free port chosen per run).</summary>
    public const string DnsPort = "EGRESS_SPECS_DNS_PORT";

    /// <summary>Where the run's CA bundle (PEM) is written (default: a temporary file removed after the run).</summary>
    public const string CaFile = "EGRESS_SPECS_CA_FILE";

    /// <summary>
    /// A PEM file with a CA certificate and its private key: the local target issues the third parties' certificates
    /// from it instead of making a new CA per run, so a proxy that loads its trust store once can load it before the run.
    /// </summary>
    public const string IssuingCa = "EGRESS_SPECS_ISSUING_CA";

    /// <summary>A contract file (YAML) whose entries the run adds as scenarios tagged <c>@contract</c> (docs/clusters.md).</summary>
    public const string Contract = "EGRESS_SPECS_CONTRACT";

    /// <summary>The proxy to start: path to <c>EgressSpecs.Proxy.dll</c> (default: the build's own, recorded at build time).</summary>
    public const string ProxyDll = "EGRESS_SPECS_PROXY_DLL";

    /// <summary>
    /// How the local target runs its meshed app: <c>auto</c> (default: curl and glibc in a private mount namespace when
    /// the machine allows it, else the in-process model), <c>real</c> (that, or the run fails), <c>in-process</c>.
    /// </summary>
    public const string MeshedApp = "EGRESS_SPECS_MESHED_APP";

    /// <summary>Seconds to wait for our proxy to report its endpoints (default 60).</summary>
    public const string ProxyStartTimeout = "EGRESS_SPECS_PROXY_START_TIMEOUT";
}
