using EgressSpecs.Environments.Local;

namespace EgressSpecs.Environments.K3s;

/// <summary>
/// One third party of the k3s target: a role of the third-party program's container beside the node (outside the
/// cluster, as the internet is) on its own port, named in the cluster DNS by a selector-less Service whose
/// EndpointSlice holds the container's address and that port.
/// </summary>
/// <param name="Role">The role.</param>
/// <param name="Host">The name the app and the proxy use, as on the local target.</param>
/// <param name="ServiceName">The Service's name in the third parties' namespace (the host's first label).</param>
/// <param name="Port">The container port it listens on.</param>
/// <param name="Allowed">On the proxy's allowlist, pinned to the container's address and this port.</param>
internal sealed record K3sThirdParty(ThirdPartyRole Role, string Host, string ServiceName, int Port, bool Allowed)
{
    /// <summary>The first party's port; each next role takes the next one.</summary>
    public const int FirstPort = 8443;

    /// <summary>Where the program's observation API listens in the container.</summary>
    public const int ObservationPort = 8080;

    /// <summary>A port on the container where nothing listens: <see cref="AddressPlan.DownHost"/> is pinned there.</summary>
    public const int DownPort = 9;

    /// <summary>Every role the local target has, with the same names.</summary>
    public static IReadOnlyList<K3sThirdParty> All { get; } =
    [
        .. AddressPlan.ThirdParties.Select((place, index) => new K3sThirdParty(
            place.Role, place.Host, place.Host.Split('.')[0], FirstPort + index, AddressPlan.AllowedPinned.Contains(place.Role))),
    ];

    /// <summary>The in-cluster name the DNS rule maps <see cref="Host"/> to.</summary>
    public string ServiceHost(string ns) => $"{ServiceName}.{ns}.svc.cluster.local.";
}
