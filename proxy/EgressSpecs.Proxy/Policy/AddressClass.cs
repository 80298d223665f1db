namespace EgressSpecs.Proxy.Policy;

/// <summary>What kind of network an address belongs to; only <see cref="Public"/> is reachable through DNS.</summary>
internal enum AddressClass
{
    Public,
    Unspecified,
    Loopback,
    Private,
    LinkLocal,
    SharedAddressSpace,
    UniqueLocal,
    Multicast,
    Reserved,
}
