using EgressSpecs.Environments.Local;

namespace EgressSpecs.Environments.K3s;

/// <summary>What certificate a third party serves.</summary>
internal enum ServedCertificate
{
    /// <summary>Its own name, issued by the run's CA that the proxy trusts.</summary>
    Trusted,

    /// <summary>Another name (<see cref="AddressPlan.WrongCertificateName"/>), trusted CA.</summary>
    WrongName,

    /// <summary>Its own name, self-signed.</summary>
    SelfSigned,

    /// <summary>Its own name, issued by a CA nobody trusts.</summary>
    UntrustedIssuer,
}

/// <summary>
/// One third party of the k3s target: a WireMock.Net container beside the node (outside the cluster, as the
/// internet is), named in the cluster DNS by a selector-less Service whose EndpointSlice holds the container's address.
/// </summary>
/// <param name="Role">The role.</param>
/// <param name="Host">The name the app and the proxy use, as on the local target.</param>
/// <param name="ServiceName">The Service's name in the third parties' namespace (the host's first label).</param>
/// <param name="Certificate">What it serves.</param>
/// <param name="Allowed">On the proxy's allowlist, pinned to the container's address.</param>
internal sealed record K3sThirdParty(ThirdPartyRole Role, string Host, string ServiceName, ServedCertificate Certificate, bool Allowed)
{
    /// <summary>Every role the local target has, with the same names.</summary>
    public static IReadOnlyList<K3sThirdParty> All { get; } =
    [
        .. AddressPlan.ThirdParties.Select(place => new K3sThirdParty(
            place.Role,
            place.Host,
            place.Host.Split('.')[0],
            place.Role switch
            {
                ThirdPartyRole.WrongName => ServedCertificate.WrongName,
                ThirdPartyRole.SelfSigned => ServedCertificate.SelfSigned,
                ThirdPartyRole.UntrustedIssuer => ServedCertificate.UntrustedIssuer,
                _ => ServedCertificate.Trusted,
            },
            AddressPlan.AllowedPinned.Contains(place.Role))),
    ];

    /// <summary>The in-cluster name the DNS rule maps <see cref="Host"/> to.</summary>
    public string ServiceHost(string ns) => $"{ServiceName}.{ns}.svc.cluster.local.";
}
