using System.Net;

namespace EgressSpecs.Environments.Local;

/// <summary>
/// Where the local target puts everything. All third parties share one port on distinct loopback addresses,
/// so that an external proxy that can only say <c>proxy_pass https://$real_host:PORT</c> (the proof of concept's
/// nginx) reaches each of them through the cluster DNS.
/// </summary>
internal static class AddressPlan
{
    /// <summary>
    /// The proxy Service's cluster IP in the in-process model: what the cluster DNS answers for the proxy; nothing listens
    /// on it, the app's "kube-proxy" maps its port 80. On the real path each pod has its own (<see cref="Pods.PodAddresses"/>).
    /// </summary>
    public static readonly IPAddress ProxyServiceAddress = IPAddress.Parse("127.0.0.10");

    /// <summary>The Service port the proxy is reached on, as in <c>infra/</c>.</summary>
    public const int ProxyServicePort = 80;

    /// <summary>The proxy Service's name in the cluster DNS.</summary>
    public const string ProxyServiceName = "proxy.egress.svc.cluster.local.";

    /// <summary>The namespace the local target's app pods are in, as far as their resolv.conf's search list goes.</summary>
    public const string AppNamespace = "egress-specs-apps-local";

    /// <summary>The suffix a meshed app appends to a third party's name.</summary>
    public const string EgressSuffix = ThirdPartyExtensions.EgressSuffix;

    /// <summary>Each role's name, address and certificate names.</summary>
    public static readonly IReadOnlyList<ThirdPartyAddress> ThirdParties =
    [
        new(ThirdPartyRole.InternalService, "intranet.corp.test", IPAddress.Parse("127.0.0.1")),
        new(ThirdPartyRole.Api, "api.example.test", IPAddress.Parse("127.0.0.2")),
        new(ThirdPartyRole.TlsInspector, "inspector.example.test", IPAddress.Parse("127.0.0.3")),
        new(ThirdPartyRole.WrongName, "wrong.example.test", IPAddress.Parse("127.0.0.4")),
        new(ThirdPartyRole.SelfSigned, "selfsigned.example.test", IPAddress.Parse("127.0.0.5")),
        new(ThirdPartyRole.UntrustedIssuer, "untrusted.example.test", IPAddress.Parse("127.0.0.6")),
        new(ThirdPartyRole.Unlisted, "unlisted.example.test", IPAddress.Parse("127.0.0.7")),
        new(ThirdPartyRole.Faulty, "faulty.example.test", IPAddress.Parse("127.0.0.8")),
    ];

    /// <summary>An allowed destination that is down: pinned to an address where nothing listens on the third parties' port.</summary>
    public const string DownHost = "down.example.test";

    /// <summary>Where <see cref="DownHost"/> is pinned: a loopback address nothing binds.</summary>
    public static readonly IPAddress DownAddress = IPAddress.Parse("127.0.0.9");

    /// <summary>The name the <see cref="ThirdPartyRole.WrongName"/> certificate is for instead of its own.</summary>
    public const string WrongCertificateName = "other.example.test";

    /// <summary>Cluster-internal names the DNS answers with the internal service's address (as the Kubernetes API and the node itself would).</summary>
    public static readonly IReadOnlyList<string> InternalNames =
        ["localhost.", "kubernetes.default.svc.", "kubernetes.default.svc.cluster.local.", "intranet.corp.test."];

    /// <summary>The allowlist pattern whose names the proxy resolves through the cluster DNS (and must then refuse as internal).</summary>
    public const string InternalWildcard = "*.corp.test";

    /// <summary>
    /// Names under <see cref="InternalWildcard"/> whose one address is IPv6 special-purpose space (documentation
    /// RFC 9637, benchmarking RFC 5180, Teredo RFC 4380): the proxy must refuse them however the allowlist reads.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, IPAddress> SpecialPurposeNames = new Dictionary<string, IPAddress>
    {
        ["documentation.corp.test."] = IPAddress.Parse("3fff::1"),
        ["benchmarking.corp.test."] = IPAddress.Parse("2001:2::1"),
        ["teredo.corp.test."] = IPAddress.Parse("2001::1"),
    };

    /// <summary>The roles the proxy is told about, pinned to their address (<see cref="ThirdPartyRole.Unlisted"/> deliberately missing).</summary>
    public static readonly IReadOnlyList<ThirdPartyRole> AllowedPinned =
        [ThirdPartyRole.Api, ThirdPartyRole.TlsInspector, ThirdPartyRole.WrongName, ThirdPartyRole.SelfSigned, ThirdPartyRole.UntrustedIssuer, ThirdPartyRole.Faulty];

    public static ThirdPartyAddress For(ThirdPartyRole role) => ThirdParties.Single(party => party.Role == role);
}

/// <summary>One third party's place in the plan.</summary>
internal sealed record ThirdPartyAddress(ThirdPartyRole Role, string Host, IPAddress Address);
