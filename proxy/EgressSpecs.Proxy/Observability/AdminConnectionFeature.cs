namespace EgressSpecs.Proxy.Observability;

/// <summary>Marks connections accepted on the Admin endpoint; the proxy endpoint's connections never carry it.</summary>
internal sealed class AdminConnectionFeature
{
    public static readonly AdminConnectionFeature Instance = new();

    private AdminConnectionFeature()
    {
    }
}
