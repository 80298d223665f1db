namespace EgressSpecs.Environments;

/// <summary>The tag that declares each <see cref="Capability"/> (explained in Features/_Glossary.md).</summary>
public static class CapabilityTags
{
    /// <summary>Every need tag starts with this.</summary>
    public const string Prefix = "needs-";

    /// <summary>Each capability's tag, without the <c>@</c>.</summary>
    public static IReadOnlyDictionary<Capability, string> ByCapability { get; } = new Dictionary<Capability, string>
    {
        [Capability.ThirdParties] = "needs-third-parties",
        [Capability.ProxyAdmin] = "needs-proxy-admin",
        [Capability.Mesh] = "needs-mesh",
        [Capability.UnmeshedPod] = "needs-unmeshed-pod",
        [Capability.NetworkPolicy] = "needs-network-policy",
        [Capability.ProxyDown] = "needs-proxy-down",
        [Capability.RawProxyConnection] = "needs-raw-connection",
        [Capability.OwnProxy] = "needs-own-proxy",
        [Capability.SpecialPurposeNames] = "needs-special-purpose-names",
    };

    /// <summary>The capabilities a scenario's tags declare, in the enum's order.</summary>
    /// <exception cref="ArgumentException">A <c>needs-*</c> tag names no capability: a typo would otherwise silently run the scenario where it cannot pass.</exception>
    public static IReadOnlyList<Capability> Declared(IEnumerable<string> tags)
    {
        var declared = new HashSet<Capability>();
        foreach (var tag in tags.Select(tag => tag.TrimStart('@')))
        {
            if (!tag.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var capability = ByCapability.FirstOrDefault(pair => pair.Value.Equals(tag, StringComparison.OrdinalIgnoreCase));
            if (capability.Value is null)
            {
                throw new ArgumentException(
                    $"The tag @{tag} declares no known capability; the need tags are: {string.Join(", ", ByCapability.Values.Select(value => "@" + value))}.",
                    nameof(tags));
            }

            declared.Add(capability.Key);
        }

        return [.. declared.Order()];
    }
}
