using EgressSpecs.Environments.Local;

namespace EgressSpecs.Environments;

/// <summary>The names of the suite's own third parties, the same on every target that runs them.</summary>
public static class SuiteThirdParties
{
    /// <summary>Each third party's host name (<c>api.example.test</c>, <c>unlisted.example.test</c>, ...), lowercase.</summary>
    public static IReadOnlySet<string> Hosts { get; } =
        AddressPlan.ThirdParties.Select(place => place.Host).ToHashSet(StringComparer.OrdinalIgnoreCase);
}
