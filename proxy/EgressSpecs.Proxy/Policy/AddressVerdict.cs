namespace EgressSpecs.Proxy.Policy;

/// <summary>Whether the proxy may connect to an address it got from DNS, and if not, the block that forbids it.</summary>
internal readonly record struct AddressVerdict(bool IsPublic, string Reason)
{
    public static readonly AddressVerdict Public = new(true, "");

    public static AddressVerdict Refused(string reason) => new(false, reason);
}
