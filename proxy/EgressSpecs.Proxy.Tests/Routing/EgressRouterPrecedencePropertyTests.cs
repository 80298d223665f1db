using CsCheck;
using EgressSpecs.Proxy.Fuzz;
using EgressSpecs.Proxy.Tests.Support;

namespace EgressSpecs.Proxy.Tests.Routing;

/// <summary>Random allowlists over a small pool of names, so exact, nested wildcard and <c>*</c> entries collide often.</summary>
public sealed class EgressRouterPrecedencePropertyTests
{
    private const int Cases = 2000;

    private static readonly Gen<string> PoolName = Gen.Select(
        Gen.OneOf("a", "b", "c", "d").Array[0, 3], Gen.OneOf("x.com", "y.org", "z.net"),
        (labels, parent) => string.Join("", labels.Select(l => l + ".")) + parent);

    // An exact name, a *.parent wildcard or *, written in random case as an operator might.
    private static readonly Gen<string> Pattern = Gen.Frequency(
        (6, HostGen.WithRandomCase(PoolName)),
        (6, HostGen.WithRandomCase(PoolName).Select(name => "*." + name)),
        (1, Gen.Const("*")));

    private static readonly Gen<RoutingPolicy> Policies = Pattern.Array[1, 8].Select(patterns => new RoutingPolicy(
        HostGen.Suffix,
        [.. patterns.DistinctBy(p => p.ToLowerInvariant())],
        ["*.corp.example"]));

    [Fact]
    public void Route_AnyAllowlist_PicksExactThenMostSpecificWildcardThenAny()
    {
        Gen.Select(Policies, HostGen.HostFor(PoolName)).Sample((policy, host) =>
        {
            // Given
            var invariants = new RoutingInvariants(policy);
            var name = host[..host.IndexOf("." + HostGen.Suffix, StringComparison.OrdinalIgnoreCase)];

            // When
            var route = invariants.Check(host);

            // Then: the entry the rules pick, and only one whose pattern matches the name
            Assert.Equal(new RoutingOracle(policy).ExpectedEntryForName(name), route.Target?.Entry.Label);
            Assert.True(route.Target is null || route.Target.Entry.Pattern.Matches(name));
        }, iter: Cases, print: sample => $"{string.Join(", ", sample.Item1.Destinations)} <- {sample.Item2}");
    }
}
